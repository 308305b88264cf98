using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Caching;

/// <summary>Writes pushed snapshots and lease releases into the cache of the silo it lives on.</summary>
[SiloTargetedPlacement, Reentrant]
public sealed class SiloCacheGrain(SiloServiceCache cache) : Grain, ISiloCacheGrain
{
    public Task ApplyAsync(ServiceSnapshot snapshot)
    {
        cache.Apply(snapshot);
        return Task.CompletedTask;
    }

    public Task ReleaseLeaseAsync(LeaseToken lease)
    {
        cache.ReleaseLease(lease.ServiceName, lease.LeaseId);
        return Task.CompletedTask;
    }
}
