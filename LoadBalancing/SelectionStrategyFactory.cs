using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>Creates a fresh strategy (with its own state) for one service.</summary>
public static class SelectionStrategyFactory
{
    public static ISelectionStrategy Create(LoadBalancingStrategy kind, TimeProvider timeProvider, Random random, TimeSpan leaseDuration) => kind switch
    {
        LoadBalancingStrategy.RoundRobin => new RoundRobinStrategy(),
        LoadBalancingStrategy.Random => new RandomStrategy(random),
        LoadBalancingStrategy.LeastConnections => new LeastConnectionsStrategy(timeProvider, leaseDuration),
        LoadBalancingStrategy.WeightedRoundRobin => new SmoothWeightedRoundRobin(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown load-balancing strategy"),
    };
}
