using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>instances SERVICE [--healthy]</c>. Like <c>GET /services/{name}</c>, an unknown service has
/// no instances rather than being an error.
/// </summary>
internal sealed class InstancesCommand : ICliCommand
{
    private const string Healthy = "healthy";

    public string Name => "instances";

    public string Synopsis => "SERVICE [--healthy]";

    public string Summary => "list a service's instances (--healthy: only those a balancer may pick)";

    public CommandOptions Options { get; } = CommandOptions.Create([Healthy], []);

    public async Task<int> ExecuteAsync(CommandContext context, CommandLine commandLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(commandLine);
        commandLine.ExpectPositionals("SERVICE");
        var serviceName = commandLine.Positionals[0];
        RegistryValidator.ValidateServiceName(serviceName);

        var client = await context.ConnectAsync(cancellationToken);
        var service = client.GetGrain<IServiceGrain>(serviceName);
        var instances = await (commandLine.HasFlag(Healthy) ? service.GetHealthyInstancesAsync() : service.GetInstancesAsync()).WaitAsync(cancellationToken);

        if (context.Output.Json)
        {
            context.Output.WriteJson(instances.Select(instance => instance.ToDocument()).ToList(), RegistryJsonContext.Default.ListServiceInstanceDocument);
        }
        else if (instances.Count == 0)
        {
            context.Output.Line($"no {(commandLine.HasFlag(Healthy) ? "healthy " : string.Empty)}instances of {serviceName}");
        }
        else
        {
            context.Output.Write(InstanceTable.Build(instances));
        }

        return ExitCodes.Ok;
    }
}
