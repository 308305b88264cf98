using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;

namespace OrleansRegistry.Caching;

/// <summary>
/// This silo's one copy of one service: the newest snapshot it was told of (as a
/// <see cref="ServiceCopy"/>) and the strategies' per-service state.
/// </summary>
public sealed class ServiceCacheEntry
{
    private readonly Lock _gate = new();
    private readonly StrategySet _strategies;
    private volatile ServiceCopy _current;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServiceCacheEntry(ServiceSnapshot snapshot, long refreshedAt, Func<LoadBalancingStrategy, ISelectionStrategy> createStrategy)
    {
        _strategies = new StrategySet(createStrategy);
        _current = new ServiceCopy(snapshot);
        RefreshedAt = refreshedAt;
    }

    /// <summary>The copy held now; read it once per answer so that index and instances belong together.</summary>
    public ServiceCopy Current => _current;

    public ServiceSnapshot Snapshot => _current.Snapshot;

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last push or load.</summary>
    public long RefreshedAt { get; private set; }

    /// <summary>
    /// Set when the silo was paused: pushes may have been missed, so only a load from the service
    /// grain (not a push that was queued meanwhile) makes the copy trustworthy again.
    /// </summary>
    public bool NeedsLoad { get; set; }

    /// <summary>Completes at the next change of the snapshot's index.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="snapshot"/> unless it is older than the copy held; true when its index
    /// is newer. One at the same index (a reload) replaces the copy too: it carries newer heartbeat
    /// times, which do not move the index, and wakes nobody.
    /// </summary>
    public bool Apply(ServiceSnapshot snapshot, long refreshedAt, bool loaded = false)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (snapshot.Index < _current.Index)
            {
                return false;
            }

            RefreshedAt = refreshedAt;
            NeedsLoad &= !loaded;
            var newer = snapshot.Index > _current.Index;
            _current = new ServiceCopy(snapshot);
            if (!newer)
            {
                return false;
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
        return true;
    }

    /// <summary>A pick by <paramref name="kind"/> among the selectable instances of the current copy.</summary>
    public bool TryPick(LoadBalancingStrategy kind, out InstancePick pick) => _strategies.TryPick(kind, _current.Selectable, out pick);

    /// <summary>
    /// A pick by <paramref name="kind"/> among <paramref name="candidates"/> (a filtered part of a
    /// copy's selectable instances), with the service's one strategy state: a filter narrows the
    /// choice, it does not start a second cursor or second lease counts.
    /// </summary>
    public bool TryPick(LoadBalancingStrategy kind, IReadOnlyList<ServiceInstance> candidates, out InstancePick pick) =>
        _strategies.TryPick(kind, candidates, out pick);

    public bool ReleaseLease(long leaseId) => _strategies.ReleaseLease(leaseId);
}
