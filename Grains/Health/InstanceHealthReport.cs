namespace OrleansRegistry.Health;

/// <summary>The checker's view of one checked instance.</summary>
[GenerateSerializer, Immutable, Alias("registry.InstanceHealthReport")]
public sealed record InstanceHealthReport(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] ProbeKind? Probe,
    [property: Id(2)] int ConsecutiveFailures,
    [property: Id(3)] int ConsecutiveSuccesses,
    [property: Id(4)] string? LastResult,
    [property: Id(5)] DateTimeOffset? LastProbedAt,
    [property: Id(6)] bool ProbeFailing,
    [property: Id(7)] bool LeaseExpired,
    [property: Id(8)] DateTimeOffset? UnhealthySince);
