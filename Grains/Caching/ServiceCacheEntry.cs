using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;

namespace OrleansRegistry.Caching;

/// <summary>
/// One silo's copy of one service: the newest snapshot it was told of, its selectable instances,
/// and the strategies' per-service state. Picks lock the entry: strategies are not thread-safe and
/// stateless-worker activations run in parallel.
/// </summary>
public sealed class ServiceCacheEntry
{
    private readonly Lock _gate = new();
    private readonly StrategySet _strategies;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServiceCacheEntry(ServiceSnapshot snapshot, long refreshedAt, Func<LoadBalancingStrategy, ISelectionStrategy> createStrategy)
    {
        _strategies = new StrategySet(createStrategy);
        Snapshot = snapshot;
        Selectable = SelectableOf(snapshot);
        RefreshedAt = refreshedAt;
    }

    public ServiceSnapshot Snapshot { get; private set; }

    /// <summary>The instances a balancer may hand out, ordered by id.</summary>
    public ServiceInstance[] Selectable { get; private set; }

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last push or load.</summary>
    public long RefreshedAt { get; private set; }

    /// <summary>Completes at the next change of the snapshot.</summary>
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

    /// <summary>Takes <paramref name="snapshot"/> when it is not older than the one held; true when it changed.</summary>
    public bool Apply(ServiceSnapshot snapshot, long refreshedAt)
    {
        TaskCompletionSource? changed = null;
        lock (_gate)
        {
            if (snapshot.Index < Snapshot.Index)
            {
                return false;
            }

            RefreshedAt = refreshedAt;
            if (snapshot.Index == Snapshot.Index)
            {
                return false;
            }

            Snapshot = snapshot;
            Selectable = SelectableOf(snapshot);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
        return true;
    }

    public bool TryPick(LoadBalancingStrategy kind, out InstancePick pick) => _strategies.TryPick(kind, Selectable, out pick);

    public bool ReleaseLease(long leaseId) => _strategies.ReleaseLease(leaseId);

    private static ServiceInstance[] SelectableOf(ServiceSnapshot snapshot)
    {
        var selectable = snapshot.Instances.Where(instance => instance.IsSelectable).ToArray();
        Array.Sort(selectable, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return selectable;
    }
}
