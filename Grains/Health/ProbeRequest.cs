namespace OrleansRegistry.Health;

/// <summary>One round of probes for a service; the results go back to that service's grain under <see cref="RoundId"/>.</summary>
[GenerateSerializer, Immutable, Alias("registry.ProbeRequest")]
public sealed record ProbeRequest(
    [property: Id(0)] string ServiceName,
    [property: Id(1)] Guid RoundId,
    [property: Id(2)] IReadOnlyList<ProbeTarget> Targets);
