using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>The balancer for callers outside the silo: every silo runs local activations that pick through its <see cref="SiloBalancer"/>.</summary>
[StatelessWorker, Reentrant]
public sealed class BalancerGrain(SiloBalancer balancer) : Grain, IBalancerGrain
{
    public Task<Selection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy) => balancer.SelectAsync(serviceName, strategy).AsTask();

    public Task<Selection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near) =>
        balancer.SelectAsync(serviceName, strategy, filter, near).AsTask();

    public Task ReleaseAsync(LeaseToken lease) => balancer.ReleaseAsync(lease);
}
