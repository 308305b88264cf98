namespace OrleansRegistry.Model;

/// <summary>The wire names of the strategies (<c>round_robin</c>, ...), shared by HTTP and CLI.</summary>
public static class LoadBalancingStrategyNames
{
    public const string RoundRobin = "round_robin";
    public const string Random = "random";
    public const string LeastConnections = "least_connections";
    public const string WeightedRoundRobin = "weighted_round_robin";

    public static IReadOnlyList<string> All { get; } = [RoundRobin, Random, LeastConnections, WeightedRoundRobin];

    public static string ToWireName(this LoadBalancingStrategy strategy) => strategy switch
    {
        LoadBalancingStrategy.RoundRobin => RoundRobin,
        LoadBalancingStrategy.Random => Random,
        LoadBalancingStrategy.LeastConnections => LeastConnections,
        LoadBalancingStrategy.WeightedRoundRobin => WeightedRoundRobin,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown strategy"),
    };

    /// <summary>Parses a wire name, case-insensitively; also accepts the enum's own names (RoundRobin).</summary>
    public static bool TryParse(string? text, out LoadBalancingStrategy strategy)
    {
        switch (text?.ToLowerInvariant())
        {
            case RoundRobin or "roundrobin":
                strategy = LoadBalancingStrategy.RoundRobin;
                return true;
            case Random:
                strategy = LoadBalancingStrategy.Random;
                return true;
            case LeastConnections or "leastconnections":
                strategy = LoadBalancingStrategy.LeastConnections;
                return true;
            case WeightedRoundRobin or "weightedroundrobin":
                strategy = LoadBalancingStrategy.WeightedRoundRobin;
                return true;
            default:
                strategy = default;
                return false;
        }
    }
}
