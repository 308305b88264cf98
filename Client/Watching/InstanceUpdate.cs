using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Watching;

/// <summary>An instance that stayed but changed (status, address, metadata or checks).</summary>
public sealed record InstanceUpdate(ServiceInstance Before, ServiceInstance After);
