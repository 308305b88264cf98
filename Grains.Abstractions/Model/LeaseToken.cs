namespace OrleansRegistry.Model;

/// <summary>
/// Proof that a caller holds a least-connections lease on an instance. It names the silo whose
/// balancer counted it, so the release reaches the same counter from any silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("registry.LeaseToken")]
public sealed record LeaseToken(
    [property: Id(0)] string Silo,
    [property: Id(1)] string ServiceName,
    [property: Id(2)] long LeaseId);
