using OrleansRegistry.Model;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>
/// What the commands ask of the registry, whichever way it is reached: as an Orleans client
/// (<see cref="OrleansRegistryOperations"/>, grain calls) or over the HTTP API
/// (<see cref="HttpRegistryOperations"/>). Service names are bare names in the namespace the
/// operations were made for. A refusal of the input raises
/// <see cref="Validation.RegistryValidationException"/> on both; a registry that cannot be reached
/// raises <see cref="RegistryUnreachableException"/>.
/// </summary>
internal interface IRegistryOperations
{
    /// <summary>Every service of the namespace with its counts, sorted by name.</summary>
    Task<IReadOnlyList<ServiceSummary>> GetServicesAsync(CancellationToken cancellationToken);

    /// <summary>The service's instances that <paramref name="filter"/> keeps (only the healthy ones with <paramref name="healthyOnly"/>); none for an unknown service.</summary>
    Task<IReadOnlyList<ServiceInstance>> GetInstancesAsync(string serviceName, bool healthyOnly, InstanceFilter filter, CancellationToken cancellationToken);

    /// <summary>Registers or replaces the instance; the instance as stored.</summary>
    Task<ServiceInstance> RegisterAsync(ServiceInstance instance, CancellationToken cancellationToken);

    /// <summary>False when the instance was not registered (nothing changed).</summary>
    Task<bool> DeregisterAsync(string serviceName, string instanceId, CancellationToken cancellationToken);

    /// <summary>False when the instance is not registered.</summary>
    Task<bool> HeartbeatAsync(string serviceName, string instanceId, CancellationToken cancellationToken);

    /// <summary>Takes the instance out of rotation with <paramref name="reason"/>, or with null puts it back; false when it is not registered.</summary>
    Task<bool> SetMaintenanceAsync(string serviceName, string instanceId, string? reason, CancellationToken cancellationToken);

    Task PutDefinitionAsync(ServiceDefinition definition, CancellationToken cancellationToken);

    /// <summary>Null when the service has no definition.</summary>
    Task<ServiceDefinition?> GetDefinitionAsync(string serviceName, CancellationToken cancellationToken);

    /// <summary>The balancer's pick among the eligible instances <paramref name="filter"/> keeps; null when there is none.</summary>
    Task<RegistryPick?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near, CancellationToken cancellationToken);
}
