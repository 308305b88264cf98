using OrleansRegistry.Caching;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// Picks from this silo's cache of the service; the service grain is called only the first time
/// this silo sees a service (or when its copy went stale without a push).
/// </summary>
[StatelessWorker, Reentrant]
public sealed class BalancerGrain(SiloServiceCache cache, ILocalSiloDetails localSilo) : Grain, IBalancerGrain
{
    private readonly string _siloKey = SiloKey.Of(localSilo.SiloAddress);

    public async Task<Selection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy)
    {
        RegistryValidator.ValidateServiceName(serviceName);
        if (!Enum.IsDefined(strategy))
        {
            throw new RegistryValidationException("strategy", $"must be one of {string.Join(", ", LoadBalancingStrategyNames.All)}");
        }

        var entry = await cache.GetOrLoadAsync(serviceName, LoadSnapshotAsync);
        if (!entry.TryPick(strategy, out var pick))
        {
            return null;
        }

        var lease = pick.LeaseId == 0 ? null : new LeaseToken(_siloKey, serviceName, pick.LeaseId);
        return new Selection(pick.Instance, lease);
    }

    public Task ReleaseAsync(LeaseToken lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (lease.Silo == _siloKey)
        {
            cache.ReleaseLease(lease.ServiceName, lease.LeaseId);
            return Task.CompletedTask;
        }

        return GrainFactory.GetGrain<ISiloCacheGrain>(lease.Silo).ReleaseLeaseAsync(lease);
    }

    private Task<ServiceSnapshot> LoadSnapshotAsync(string serviceName) =>
        GrainFactory.GetGrain<IServiceGrain>(serviceName).GetSnapshotAsync();
}
