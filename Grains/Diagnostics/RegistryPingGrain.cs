using OrleansRegistry.Grains;

namespace OrleansRegistry.Diagnostics;

/// <summary>Placed like <c>BalancerGrain</c> (a reentrant stateless worker), so the two calls differ only in the work they do.</summary>
[StatelessWorker, Reentrant]
public sealed class RegistryPingGrain : Grain, IRegistryPingGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
