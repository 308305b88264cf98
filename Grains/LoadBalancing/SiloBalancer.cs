using OrleansRegistry.Caching;
using OrleansRegistry.Diagnostics;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// Picks from this silo's cache of the service; the service grain is called only the first time
/// this silo sees a service (or when its copy went stale without a push). The balancer grain
/// answers callers outside the silo with it; the silo's own HTTP API calls it directly, because a
/// stateless worker always runs on the caller's silo anyway and the message hop is pure cost.
/// </summary>
public sealed class SiloBalancer(SiloServiceCache cache, ILocalSiloDetails localSilo, IGrainFactory grainFactory, RegistryMetrics metrics)
{
    private readonly string _siloKey = SiloKey.Of(localSilo.SiloAddress);

    /// <summary>One selectable instance chosen by <paramref name="strategy"/>, or null when none is selectable.</summary>
    /// <param name="serviceName">The service's grain key (<see cref="ServiceKey.GrainKey"/>).</param>
    public ValueTask<Selection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy)
    {
        ServiceKey.ParseGrainKey(serviceName);
        if (!Enum.IsDefined(strategy))
        {
            throw new RegistryValidationException("strategy", $"must be one of {string.Join(", ", LoadBalancingStrategyNames.All)}");
        }

        var pending = cache.GetAsync(serviceName);
        return pending.IsCompletedSuccessfully
            ? ValueTask.FromResult(Pick(pending.Result, serviceName, strategy))
            : PickAfterLoadAsync(pending, serviceName, strategy);
    }

    /// <summary>Returns a least-connections lease to the silo that counted it.</summary>
    public Task ReleaseAsync(LeaseToken lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (lease.Silo == _siloKey)
        {
            cache.ReleaseLease(lease.ServiceName, lease.LeaseId);
            return Task.CompletedTask;
        }

        return grainFactory.GetGrain<ISiloCacheGrain>(lease.Silo).ReleaseLeaseAsync(lease);
    }

    private async ValueTask<Selection?> PickAfterLoadAsync(ValueTask<ServiceCacheEntry> pending, string serviceName, LoadBalancingStrategy strategy) =>
        Pick(await pending, serviceName, strategy);

    private Selection? Pick(ServiceCacheEntry entry, string serviceName, LoadBalancingStrategy strategy)
    {
        if (!entry.TryPick(strategy, out var pick))
        {
            metrics.Selected(strategy, picked: false);
            return null;
        }

        metrics.Selected(strategy, picked: true);
        var lease = pick.LeaseId == 0 ? null : new LeaseToken(_siloKey, serviceName, pick.LeaseId);
        return new Selection(pick.Instance, lease);
    }
}
