namespace OrleansRegistry.Model;

/// <summary>A namespace with the number of services it holds.</summary>
[GenerateSerializer, Immutable, Alias("registry.NamespaceSummary")]
public sealed record NamespaceSummary(
    [property: Id(0)] string Name,
    [property: Id(1)] int Services);
