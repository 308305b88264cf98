namespace OrleansRegistry.Health;

/// <summary>What one probe found; <see cref="Detail"/> is for people (status code, timeout, refusal).</summary>
[GenerateSerializer, Immutable, Alias("registry.ProbeResult")]
public sealed record ProbeResult(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] long Generation,
    [property: Id(2)] bool Passed,
    [property: Id(3)] string Detail);
