using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Transport;

/// <summary>
/// How the client library reaches the registry: over its HTTP API (<see cref="HttpRegistryTransport"/>)
/// or as an Orleans client (the <c>OrleansRegistry.Client.Orleans</c> package). Service names are bare
/// names in the client's namespace (<see cref="Options.RegistryClientOptions.Namespace"/>); snapshots
/// carry the bare name too. Calls are not bounded here: callers bound them by
/// <see cref="Options.RegistryClientOptions.RegistryTimeout"/>.
/// </summary>
public interface IRegistryTransport
{
    /// <summary>Raised with every snapshot the registry sends of a subscribed service (a push, or a blocking query's answer).</summary>
    event Action<ServiceSnapshot>? SnapshotReceived;

    /// <summary>Raised when subscriptions may have been lost (a silo joined or left): the cache renews them at once.</summary>
    event Action? ConnectionChanged;

    /// <summary>
    /// The service's current snapshot; from now on its changes arrive through <see cref="SnapshotReceived"/>
    /// until <see cref="UnsubscribeAsync"/>. Calling it again renews the subscription.
    /// </summary>
    Task<ServiceSnapshot> SubscribeAsync(string serviceName, CancellationToken cancellationToken);

    Task UnsubscribeAsync(string serviceName, CancellationToken cancellationToken);

    /// <summary>Registers or replaces the instance; the registry's validation failures raise <see cref="Validation.RegistryValidationException"/>.</summary>
    Task RegisterAsync(ServiceInstance instance, CancellationToken cancellationToken);

    /// <summary>Renews the instance's lease; false when the registry does not know it (register again).</summary>
    Task<bool> HeartbeatAsync(string serviceName, string instanceId, CancellationToken cancellationToken);

    Task DeregisterAsync(string serviceName, string instanceId, CancellationToken cancellationToken);

    /// <summary>Takes the instance out of rotation (<paramref name="reason"/>) or, with null, back in; false when it is not registered.</summary>
    Task<bool> SetMaintenanceAsync(string serviceName, string instanceId, string? reason, CancellationToken cancellationToken);

    /// <summary>The registry balancer's pick; null when no instance is eligible.</summary>
    Task<BalancerSelection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near, CancellationToken cancellationToken);
}
