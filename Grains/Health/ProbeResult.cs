namespace OrleansRegistry.Health;

/// <summary>What one probe found; <see cref="Detail"/> is for people (status code, timeout, refusal).</summary>
[GenerateSerializer, Immutable, Alias("registry.ProbeResult")]
public sealed record ProbeResult(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] long Generation,
    [property: Id(2)] bool Passed,
    [property: Id(3)] string Detail)
{
    /// <summary>How long the probe took, for people; the checker decides on <see cref="Passed"/> alone.</summary>
    [Id(4)]
    public TimeSpan Latency { get; init; }
}
