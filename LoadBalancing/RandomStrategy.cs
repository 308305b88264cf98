using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>Picks uniformly at random from an injected (and so seedable) source.</summary>
public sealed class RandomStrategy(Random random) : ISelectionStrategy
{
    public LoadBalancingStrategy Kind => LoadBalancingStrategy.Random;

    public bool TryPick(IReadOnlyList<ServiceInstance> candidates, out InstancePick pick)
    {
        if (candidates.Count == 0)
        {
            pick = default;
            return false;
        }

        pick = new InstancePick(candidates[random.Next(candidates.Count)], 0);
        return true;
    }
}
