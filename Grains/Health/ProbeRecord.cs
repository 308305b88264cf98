namespace OrleansRegistry.Health;

/// <summary>One probe of an instance as the checker applied it, kept for people (the registry view's probe strip).</summary>
/// <param name="At">When the checker applied the result.</param>
/// <param name="Passed">Whether the probe passed.</param>
/// <param name="Latency">How long the probe took (up to the timeout).</param>
/// <param name="Detail">What the probe found: status code, timeout, refusal.</param>
[GenerateSerializer, Immutable, Alias("registry.ProbeRecord")]
public sealed record ProbeRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] bool Passed,
    [property: Id(2)] TimeSpan Latency,
    [property: Id(3)] string Detail);
