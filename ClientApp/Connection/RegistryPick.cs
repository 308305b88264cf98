using OrleansRegistry.Model;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>The balancer's pick, and the least-connections lease it opened (null when it opened none).</summary>
internal sealed record RegistryPick(ServiceInstance Instance, bool ZoneFallback, RegistryLease? Lease);

/// <summary>An open least-connections lease: how to name it to a person, and how to return it.</summary>
internal sealed record RegistryLease(string Description, Func<CancellationToken, Task> ReleaseAsync);
