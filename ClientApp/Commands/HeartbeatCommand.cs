using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Connection;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary><c>heartbeat SERVICE ID</c>; exit code 1 when the instance is not registered (register it again).</summary>
internal sealed class HeartbeatCommand() : InstanceCommand("heartbeat", "renew an instance's heartbeat (exit 1 when it is not registered)")
{
    protected override string OutcomeName => "renewed";

    protected override Task<bool> ApplyAsync(IRegistryOperations registry, string serviceName, string instanceId, CancellationToken cancellationToken) =>
        registry.HeartbeatAsync(serviceName, instanceId, cancellationToken);

    protected override string Applied(string instance) => $"heartbeat renewed for {instance}";

    protected override string NotRegistered(string instance) => $"{instance} is not registered; register it again";
}
