using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>The commands' operations as grain calls through a connected Orleans client, in namespace <paramref name="ns"/>.</summary>
internal sealed class OrleansRegistryOperations(IGrainFactory grains, string ns) : IRegistryOperations
{
    public async Task<IReadOnlyList<ServiceSummary>> GetServicesAsync(CancellationToken cancellationToken) =>
        await grains.GetGrain<IServiceCatalogGrain>(ServiceCatalogKey.Of(ns)).GetSummariesAsync().WaitAsync(cancellationToken);

    public async Task<IReadOnlyList<ServiceInstance>> GetInstancesAsync(string serviceName, bool healthyOnly, InstanceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var service = Service(serviceName);
        var all = await (healthyOnly ? service.GetHealthyInstancesAsync() : service.GetInstancesAsync()).WaitAsync(cancellationToken);
        return filter.IsEmpty ? all : all.Where(filter.Matches).ToList();
    }

    public async Task<ServiceInstance> RegisterAsync(ServiceInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return await Service(instance.ServiceName).RegisterAsync(instance).WaitAsync(cancellationToken);
    }

    public Task<bool> DeregisterAsync(string serviceName, string instanceId, CancellationToken cancellationToken) =>
        Service(serviceName).DeregisterAsync(instanceId).WaitAsync(cancellationToken);

    public async Task<bool> HeartbeatAsync(string serviceName, string instanceId, CancellationToken cancellationToken) =>
        await Service(serviceName).HeartbeatAsync(instanceId).WaitAsync(cancellationToken) == HeartbeatResult.Renewed;

    public Task<bool> SetMaintenanceAsync(string serviceName, string instanceId, string? reason, CancellationToken cancellationToken)
    {
        var service = Service(serviceName);
        return (reason is null ? service.LeaveMaintenanceAsync(instanceId) : service.EnterMaintenanceAsync(instanceId, reason)).WaitAsync(cancellationToken);
    }

    public Task PutDefinitionAsync(ServiceDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Service(definition.Name, "name").PutDefinitionAsync(definition).WaitAsync(cancellationToken);
    }

    public Task<ServiceDefinition?> GetDefinitionAsync(string serviceName, CancellationToken cancellationToken) =>
        Service(serviceName, "name").GetDefinitionAsync().WaitAsync(cancellationToken);

    public async Task<RegistryPick?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var key = ServiceKey.Of(ns, serviceName).GrainKey;
        var balancer = grains.GetGrain<IBalancerGrain>(0);
        var selection = await (filter.IsEmpty && near is null
            ? balancer.SelectAsync(key, strategy)
            : balancer.SelectAsync(key, strategy, filter, near)).WaitAsync(cancellationToken);
        if (selection is null)
        {
            return null;
        }

        var lease = selection.Lease is { } token
            ? new RegistryLease($"{token.LeaseId} on silo {token.Silo}", releasing => balancer.ReleaseAsync(token).WaitAsync(releasing))
            : null;
        return new RegistryPick(selection.Instance, selection.ZoneFallback, lease);
    }

    /// <summary>The service's grain; a name that is not valid is refused naming <paramref name="field"/>.</summary>
    private IServiceGrain Service(string serviceName, string field = "service_name") =>
        grains.GetGrain<IServiceGrain>(ServiceKey.Of(ns, serviceName, field).GrainKey);
}
