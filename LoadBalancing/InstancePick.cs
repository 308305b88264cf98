using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>A strategy's choice; <see cref="LeaseId"/> is non-zero when the strategy counted a connection.</summary>
public readonly record struct InstancePick(ServiceInstance Instance, long LeaseId);
