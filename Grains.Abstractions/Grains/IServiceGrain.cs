using OrleansRegistry.Model;

namespace OrleansRegistry.Grains;

/// <summary>
/// One service, keyed by <see cref="ServiceKey.GrainKey"/> (its bare name in the default namespace,
/// <c>{namespace}:{name}</c> otherwise): its instances and its definition. Instances and the
/// definition carry the bare name.
/// </summary>
[Alias("registry.IServiceGrain")]
public interface IServiceGrain : IGrainWithStringKey
{
    /// <summary>Registers or replaces an instance (upsert by id); returns what was stored. <c>created_at</c> survives re-registration.</summary>
    [Alias("Register")]
    Task<ServiceInstance> RegisterAsync(ServiceInstance instance);

    /// <summary>Removes an instance; true when it was there. Removing an absent instance is not an error.</summary>
    [Alias("Deregister")]
    Task<bool> DeregisterAsync(string instanceId);

    [Alias("GetInstances")]
    Task<IReadOnlyList<ServiceInstance>> GetInstancesAsync();

    [Alias("GetHealthyInstances")]
    Task<IReadOnlyList<ServiceInstance>> GetHealthyInstancesAsync();

    [Alias("GetInstance")]
    Task<ServiceInstance?> GetInstanceAsync(string instanceId);

    /// <summary>Every instance with the current change index, for callers that wait on changes.</summary>
    [Alias("GetSnapshot")]
    Task<ServiceSnapshot> GetSnapshotAsync();

    /// <summary>Renews the instance's last heartbeat. Never writes storage.</summary>
    [Alias("Heartbeat")]
    Task<HeartbeatResult> HeartbeatAsync(string instanceId);

    /// <summary>The service's instance counts.</summary>
    [Alias("GetSummary")]
    Task<ServiceSummary> GetSummaryAsync();

    [Alias("PutDefinition")]
    Task PutDefinitionAsync(ServiceDefinition definition);

    [Alias("GetDefinition")]
    Task<ServiceDefinition?> GetDefinitionAsync();

    /// <summary>Subscribes (or renews) an observer of this service's changes; returns the current snapshot.</summary>
    [Alias("Subscribe")]
    Task<ServiceSnapshot> SubscribeAsync(IServiceObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IServiceObserver observer);

    /// <summary>
    /// Takes an instance out of rotation with <paramref name="reason"/> (at most 256 characters): it
    /// stays registered and probed but is never picked, listed as healthy or answered by DNS.
    /// Idempotent (a new reason replaces the old, keeping since when); false when the instance is absent.
    /// </summary>
    [Alias("EnterMaintenance")]
    Task<bool> EnterMaintenanceAsync(string instanceId, string reason);

    /// <summary>Puts an instance back into rotation; idempotent; false when the instance is absent.</summary>
    [Alias("LeaveMaintenance")]
    Task<bool> LeaveMaintenanceAsync(string instanceId);
}
