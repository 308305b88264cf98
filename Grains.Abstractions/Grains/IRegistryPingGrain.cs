namespace OrleansRegistry.Grains;

/// <summary>
/// A call that does nothing, answered by a local stateless worker: what one grain call through a
/// client or a silo costs, with no registry work in it. Operators use it to measure call latency.
/// Use key 0.
/// </summary>
[Alias("registry.IRegistryPingGrain")]
public interface IRegistryPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task PingAsync();
}
