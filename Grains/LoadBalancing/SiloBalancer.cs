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
        ValidateStrategy(strategy);
        var pending = cache.GetAsync(serviceName);
        return pending.IsCompletedSuccessfully
            ? ValueTask.FromResult(Pick(pending.Result, serviceName, strategy))
            : PickAfterLoadAsync(pending, serviceName, strategy);
    }

    /// <summary>
    /// One selectable instance that <paramref name="filter"/> keeps, preferring zone
    /// <paramref name="near"/> when given; null when none is selectable. With no filter and no
    /// zone this is the plain pick above.
    /// </summary>
    public ValueTask<Selection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near)
    {
        RegistryValidator.ValidateFilter(filter);
        if (near is not null)
        {
            RegistryValidator.ValidateZone(near);
        }

        if (filter.IsEmpty && near is null)
        {
            return SelectAsync(serviceName, strategy);
        }

        RegistryValidator.ValidateServiceName(serviceName);
        ValidateStrategy(strategy);
        var pending = cache.GetAsync(serviceName);
        return pending.IsCompletedSuccessfully
            ? ValueTask.FromResult(PickAmong(pending.Result, serviceName, strategy, filter, near))
            : PickAmongAfterLoadAsync(pending, serviceName, strategy, filter, near);
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

    private async ValueTask<Selection?> PickAmongAfterLoadAsync(
        ValueTask<ServiceCacheEntry> pending, string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near) =>
        PickAmong(await pending, serviceName, strategy, filter, near);

    private static void ValidateStrategy(LoadBalancingStrategy strategy)
    {
        if (!Enum.IsDefined(strategy))
        {
            throw new RegistryValidationException("strategy", $"must be one of {string.Join(", ", LoadBalancingStrategyNames.All)}");
        }
    }

    private Selection? Pick(ServiceCacheEntry entry, string serviceName, LoadBalancingStrategy strategy) =>
        Picked(entry.TryPick(strategy, out var pick), pick, serviceName, strategy);

    private Selection? PickAmong(ServiceCacheEntry entry, string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near)
    {
        var candidates = entry.Current.Candidates(filter, near);
        var selection = Picked(entry.TryPick(strategy, candidates.Instances, out var pick), pick, serviceName, strategy);
        return selection is not null && candidates.ZoneFallback ? selection with { ZoneFallback = true } : selection;
    }

    private Selection? Picked(bool picked, InstancePick pick, string serviceName, LoadBalancingStrategy strategy)
    {
        metrics.Selected(strategy, picked);
        if (!picked)
        {
            return null;
        }

        var lease = pick.LeaseId == 0 ? null : new LeaseToken(_siloKey, serviceName, pick.LeaseId);
        return new Selection(pick.Instance, lease);
    }
}
