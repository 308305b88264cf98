using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.Grains;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary><c>deregister SERVICE ID</c>; exit code 1 when the instance was not registered (nothing changed).</summary>
internal sealed class DeregisterCommand : ICliCommand
{
    public string Name => "deregister";

    public string Synopsis => "SERVICE ID";

    public string Summary => "remove an instance (exit 1 when it was not registered)";

    public CommandOptions Options => CommandOptions.None;

    public async Task<int> ExecuteAsync(CommandContext context, CommandLine commandLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(commandLine);
        commandLine.ExpectPositionals("SERVICE", "ID");
        var (serviceName, instanceId) = (commandLine.Positionals[0], commandLine.Positionals[1]);
        RegistryValidator.ValidateServiceName(serviceName);
        RegistryValidator.ValidateInstanceId(instanceId);

        var client = await context.ConnectAsync(cancellationToken);
        var removed = await client.GetGrain<IServiceGrain>(serviceName).DeregisterAsync(instanceId).WaitAsync(cancellationToken);

        if (context.Output.Json)
        {
            context.Output.WriteJson(writer =>
            {
                writer.WriteString("service_name", serviceName);
                writer.WriteString("id", instanceId);
                writer.WriteBoolean("deregistered", removed);
            });
        }
        else if (removed)
        {
            context.Output.Line($"deregistered {serviceName}/{instanceId}");
        }

        if (!removed)
        {
            context.Output.Error($"{serviceName}/{instanceId} was not registered");
        }

        return removed ? ExitCodes.Ok : ExitCodes.NotFound;
    }
}
