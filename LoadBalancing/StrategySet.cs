using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// One service's strategies, one per kind, created on first use with their own state. Strategies
/// are not thread-safe, so the set serializes the picks of its service; picks of different
/// services (different sets) run in parallel.
/// </summary>
public sealed class StrategySet(Func<LoadBalancingStrategy, ISelectionStrategy> createStrategy)
{
    private readonly Lock _gate = new();
    private readonly ISelectionStrategy?[] _strategies = new ISelectionStrategy?[Enum.GetValues<LoadBalancingStrategy>().Length];

    public bool TryPick(LoadBalancingStrategy kind, IReadOnlyList<ServiceInstance> candidates, out InstancePick pick)
    {
        lock (_gate)
        {
            var strategy = _strategies[(int)kind] ??= createStrategy(kind);
            return strategy.TryPick(candidates, out pick);
        }
    }

    /// <summary>Closes a least-connections lease; unknown, released or expired ids are ignored.</summary>
    public bool ReleaseLease(long leaseId)
    {
        lock (_gate)
        {
            return LeastConnections?.Release(leaseId) ?? false;
        }
    }

    /// <summary>Least-connections leases still open.</summary>
    public int OpenLeaseCount
    {
        get
        {
            lock (_gate)
            {
                return LeastConnections?.OpenLeaseCount ?? 0;
            }
        }
    }

    private LeastConnectionsStrategy? LeastConnections =>
        _strategies[(int)LoadBalancingStrategy.LeastConnections] as LeastConnectionsStrategy;
}
