using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>Hands out the candidates in turn.</summary>
public sealed class RoundRobinStrategy : ISelectionStrategy
{
    private uint _next;

    public LoadBalancingStrategy Kind => LoadBalancingStrategy.RoundRobin;

    public bool TryPick(IReadOnlyList<ServiceInstance> candidates, out InstancePick pick)
    {
        if (candidates.Count == 0)
        {
            pick = default;
            return false;
        }

        pick = new InstancePick(candidates[(int)(_next++ % (uint)candidates.Count)], 0);
        return true;
    }
}
