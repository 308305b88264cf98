namespace OrleansRegistry.Model;

/// <summary>
/// Every instance of a service at one change index. The index grows with every change of
/// membership, status or definition, so a newer snapshot always wins over an older one.
/// </summary>
[GenerateSerializer, Immutable, Alias("registry.ServiceSnapshot")]
public sealed record ServiceSnapshot(
    [property: Id(0)] string ServiceName,
    [property: Id(1)] long Index,
    [property: Id(2)] IReadOnlyList<ServiceInstance> Instances);
