namespace OrleansRegistry.Model;

/// <summary>How the balancer picks one healthy instance of a service.</summary>
public enum LoadBalancingStrategy
{
    RoundRobin = 0,
    Random = 1,
    LeastConnections = 2,
    WeightedRoundRobin = 3,
}
