using OrleansRegistry.Model;

namespace OrleansRegistry.Grains;

/// <summary>
/// Picks a healthy instance of a service. A stateless worker: every silo runs its own copies, fed
/// by the service grains' change pushes, so a pick never calls the service grain. Use key 0.
/// </summary>
[Alias("registry.IBalancerGrain")]
public interface IBalancerGrain : IGrainWithIntegerKey
{
    /// <summary>One healthy instance chosen by <paramref name="strategy"/>, or null when none is healthy.</summary>
    /// <param name="serviceName">The service's grain key: <see cref="ServiceKey.GrainKey"/> (the bare name in the default namespace).</param>
    [Alias("Select")]
    Task<Selection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy);

    /// <summary>
    /// One healthy instance that <paramref name="filter"/> keeps, chosen by <paramref name="strategy"/>;
    /// with <paramref name="near"/>, among those whose <c>metadata["zone"]</c> equals it when there
    /// are any (else among all, with <see cref="Selection.ZoneFallback"/> set). Null when none is healthy.
    /// </summary>
    [Alias("SelectFiltered")]
    Task<Selection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near);

    /// <summary>Returns a least-connections lease; releasing twice or after expiry is harmless.</summary>
    [Alias("Release")]
    Task ReleaseAsync(LeaseToken lease);
}
