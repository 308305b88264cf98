using Microsoft.Extensions.Primitives;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Discovery;

/// <summary>
/// The client's copy of one service: the newest snapshot, its selectable instances, the
/// strategies' state and the bookkeeping of freshness. Picks do not lock the entry: they lock the
/// service's <see cref="StrategySet"/>, because strategies are not thread-safe.
/// </summary>
internal sealed class CachedService : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StrategySet _strategies;
    private readonly List<Action<ServiceSnapshot>> _listeners = [];
    private ServiceSnapshot? _snapshot;
    private CandidateLists? _candidates;
    private long _appliedCount;
    private CancellationTokenSource _changeSource = new();
    private Task? _refresh;
    private long _confirmedAt;
    private long _retryAfter;
    private long _lastUsed;

    public CachedService(string name, long createdAt, Func<LoadBalancingStrategy, ISelectionStrategy> createStrategy)
    {
        Name = name;
        _lastUsed = createdAt;
        _strategies = new StrategySet(createStrategy);
    }

    public string Name { get; }

    /// <summary>The newest snapshot, or null before the registry answered for the first time.</summary>
    public ServiceSnapshot? Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The instances a caller may use, ordered by id (the same array until the snapshot changes).</summary>
    public ServiceInstance[] Selectable => Volatile.Read(ref _candidates)?.Selectable ?? [];

    /// <summary>The current snapshot's candidate lists (filtered and zone-aware picks); null before the first snapshot.</summary>
    public CandidateLists? Candidates => Volatile.Read(ref _candidates);

    /// <summary>Snapshots taken so far; a subscribe call compares it to tell a reset registry from a race with a push.</summary>
    public long AppliedCount => Interlocked.Read(ref _appliedCount);

    /// <summary>Timestamp of the registry's last word on this service (subscribe, renewal or push).</summary>
    public long ConfirmedAt => Interlocked.Read(ref _confirmedAt);

    /// <summary>Before this timestamp a failed registry call is not retried by reads.</summary>
    public long RetryAfter => Interlocked.Read(ref _retryAfter);

    public long LastUsed => Interlocked.Read(ref _lastUsed);

    public Exception? LastError { get; private set; }

    /// <summary>Open <see cref="RegistryServiceCache.Watch"/> subscriptions; a watched service is never dropped as idle.</summary>
    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Count;
            }
        }
    }

    /// <summary>Fires at the next change of the snapshot.</summary>
    public IChangeToken ChangeToken
    {
        get
        {
            lock (_gate)
            {
                return new CancellationChangeToken(_changeSource.Token);
            }
        }
    }

    public void Touch(long now) => Interlocked.Exchange(ref _lastUsed, now);

    public void MarkConfirmed(long now)
    {
        Interlocked.Exchange(ref _confirmedAt, now);
        Interlocked.Exchange(ref _retryAfter, 0);
        LastError = null;
    }

    public void MarkFailed(long retryAfter, Exception error)
    {
        Interlocked.Exchange(ref _retryAfter, retryAfter);
        LastError = error;
    }

    /// <summary>The running refresh, or a new one from <paramref name="start"/>; concurrent callers share it.</summary>
    public Task GetOrStartRefresh(Func<CachedService, Task> start)
    {
        lock (_gate)
        {
            if (_refresh is { IsCompleted: false } running)
            {
                return running;
            }

            // Task.Run: the registry call must not run while the entry is locked.
            _refresh = Task.Run(() => start(this));
            return _refresh;
        }
    }

    /// <summary>Takes a pushed snapshot unless a newer or identical one is held; true when it changed.</summary>
    public bool ApplyPush(ServiceSnapshot snapshot, long now)
    {
        Action<ServiceSnapshot>[] listeners;
        CancellationTokenSource changed;
        lock (_gate)
        {
            if (_snapshot is not null && snapshot.Index < _snapshot.Index)
            {
                return false;
            }

            // The same index with other instances comes only from a registry that lost its history
            // (in-memory storage after a restart) and counted up to the same index again.
            if (_snapshot is not null && snapshot.Index == _snapshot.Index && InstanceComparer.SameInstances(snapshot, _snapshot))
            {
                MarkConfirmed(now);
                return false;
            }

            (listeners, changed) = Replace(snapshot);
        }

        MarkConfirmed(now);
        Notify(snapshot, listeners, changed);
        return true;
    }

    /// <summary>
    /// Takes the snapshot a subscribe call returned. An older one than held (or one at the same index
    /// with other instances) still wins when no push arrived during the call
    /// (<paramref name="appliedCountAtCall"/>): the registry lost its history (in-memory storage
    /// after a restart) and its answer is the truth. Otherwise a push overtook the answer and stays.
    /// </summary>
    public bool ApplyCurrent(ServiceSnapshot snapshot, long now, long appliedCountAtCall)
    {
        Action<ServiceSnapshot>[] listeners;
        CancellationTokenSource changed;
        lock (_gate)
        {
            var isNewer = _snapshot is null || snapshot.Index > _snapshot.Index;
            var isReset = _snapshot is not null && _appliedCount == appliedCountAtCall
                && (snapshot.Index < _snapshot.Index || (snapshot.Index == _snapshot.Index && !InstanceComparer.SameInstances(snapshot, _snapshot)));
            if (!isNewer && !isReset)
            {
                MarkConfirmed(now);
                return false;
            }

            (listeners, changed) = Replace(snapshot);
        }

        MarkConfirmed(now);
        Notify(snapshot, listeners, changed);
        return true;
    }

    /// <summary>Picks from <paramref name="candidates"/> with the entry's own strategy state.</summary>
    public bool TryPick(LoadBalancingStrategy kind, IReadOnlyList<ServiceInstance> candidates, out InstancePick pick) =>
        _strategies.TryPick(kind, candidates, out pick);

    /// <summary>Closes a least-connections lease; unknown, released or expired ids are ignored.</summary>
    public bool Release(long leaseId) => _strategies.ReleaseLease(leaseId);

    /// <summary>Open least-connections leases of this client on this service.</summary>
    public int OpenLeaseCount => _strategies.OpenLeaseCount;

    /// <summary>Calls <paramref name="listener"/> with every snapshot taken from now on, until disposed.</summary>
    public IDisposable AddListener(Action<ServiceSnapshot> listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }

        return new ListenerRegistration(this, listener);
    }

    private void RemoveListener(Action<ServiceSnapshot> listener)
    {
        lock (_gate)
        {
            _listeners.Remove(listener);
        }
    }

    private (Action<ServiceSnapshot>[] Listeners, CancellationTokenSource Changed) Replace(ServiceSnapshot snapshot)
    {
        Volatile.Write(ref _candidates, new CandidateLists(snapshot));
        Volatile.Write(ref _snapshot, snapshot);
        _appliedCount++;
        var changed = _changeSource;
        _changeSource = new CancellationTokenSource();
        return (_listeners.ToArray(), changed);
    }

    private static void Notify(ServiceSnapshot snapshot, Action<ServiceSnapshot>[] listeners, CancellationTokenSource changed)
    {
        foreach (var listener in listeners)
        {
            listener(snapshot);
        }

        // Change-token callbacks (service discovery's watcher) run here, outside the entry's lock. The
        // source is not disposed: tokens handed out earlier may still be registered on.
        changed.Cancel();
    }

    /// <summary>
    /// Fires the current change token, so holders re-read and find the entry gone. The source is
    /// not disposed: a refresh still in flight may yet replace it.
    /// </summary>
    public void Dispose()
    {
        CancellationTokenSource source;
        lock (_gate)
        {
            source = _changeSource;
        }

        source.Cancel();
    }

    private sealed class ListenerRegistration(CachedService owner, Action<ServiceSnapshot> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.RemoveListener(listener);
            }
        }
    }
}
