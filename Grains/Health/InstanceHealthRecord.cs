namespace OrleansRegistry.Health;

/// <summary>
/// Why the registry holds a checked instance's status, stored with the service so that a failover
/// keeps not only the status but its reasons and the eviction clock.
/// </summary>
/// <param name="ProbeFailing">Probes failed the instance and have not yet passed it again.</param>
/// <param name="LeaseExpired">Its TTL ran out without a heartbeat.</param>
/// <param name="UnhealthySince">When it last turned unhealthy; eviction counts from here.</param>
[GenerateSerializer, Immutable, Alias("registry.InstanceHealthRecord")]
public sealed record InstanceHealthRecord(
    [property: Id(0)] bool ProbeFailing,
    [property: Id(1)] bool LeaseExpired,
    [property: Id(2)] DateTimeOffset? UnhealthySince);
