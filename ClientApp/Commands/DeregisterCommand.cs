using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Connection;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary><c>deregister SERVICE ID</c>; exit code 1 when the instance was not registered (nothing changed).</summary>
internal sealed class DeregisterCommand() : InstanceCommand("deregister", "remove an instance (exit 1 when it was not registered)")
{
    protected override string OutcomeName => "deregistered";

    protected override Task<bool> ApplyAsync(IRegistryOperations registry, string serviceName, string instanceId, CancellationToken cancellationToken) =>
        registry.DeregisterAsync(serviceName, instanceId, cancellationToken);

    protected override string Applied(string instance) => $"deregistered {instance}";

    protected override string NotRegistered(string instance) => $"{instance} was not registered";
}
