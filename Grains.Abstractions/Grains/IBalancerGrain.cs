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

    /// <summary>Returns a least-connections lease; releasing twice or after expiry is harmless.</summary>
    [Alias("Release")]
    Task ReleaseAsync(LeaseToken lease);
}
