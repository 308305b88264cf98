using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary><c>heartbeat SERVICE ID</c>; exit code 1 when the instance is not registered (register it again).</summary>
internal sealed class HeartbeatCommand : ICliCommand
{
    public string Name => "heartbeat";

    public string Synopsis => "SERVICE ID";

    public string Summary => "renew an instance's heartbeat (exit 1 when it is not registered)";

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
        var result = await client.GetGrain<IServiceGrain>(serviceName).HeartbeatAsync(instanceId).WaitAsync(cancellationToken);
        var renewed = result == HeartbeatResult.Renewed;

        if (context.Output.Json)
        {
            context.Output.WriteJson(writer =>
            {
                writer.WriteString("service_name", serviceName);
                writer.WriteString("id", instanceId);
                writer.WriteBoolean("renewed", renewed);
            });
        }
        else if (renewed)
        {
            context.Output.Line($"heartbeat renewed for {serviceName}/{instanceId}");
        }

        if (!renewed)
        {
            context.Output.Error($"{serviceName}/{instanceId} is not registered; register it again");
        }

        return renewed ? ExitCodes.Ok : ExitCodes.NotFound;
    }
}
