namespace OrleansRegistry.Model;

/// <summary>A namespace with the number of services it holds.</summary>
public sealed record NamespaceSummary(
    string Name,
    int Services);
