namespace OrleansRegistry.Model;

/// <summary>
/// Every instance of a service at one change index. The index grows with every change of
/// membership, status or definition, so a newer snapshot always wins over an older one.
/// </summary>
public sealed record ServiceSnapshot(
    string ServiceName,
    long Index,
    IReadOnlyList<ServiceInstance> Instances);
