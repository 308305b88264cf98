using System.CommandLine;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Contracts;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>instances SERVICE [--healthy] [--tag T]... [--meta K=V]...</c>. Like <c>GET /services/{name}</c>,
/// an unknown service has no instances rather than being an error.
/// </summary>
internal sealed class InstancesCommand : RegistryCommand
{
    private readonly Argument<string> _service = CommandArguments.Service();
    private readonly Option<bool> _healthy = new("--healthy") { Description = "only the instances a balancer may pick" };
    private readonly FilterOptions _filter = new();

    public InstancesCommand()
        : base("instances", "list a service's instances")
    {
        Arguments.Add(_service);
        Options.Add(_healthy);
        _filter.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var serviceName = parseResult.GetRequiredValue(_service);
        var healthyOnly = parseResult.GetValue(_healthy);
        RegistryValidator.ValidateServiceName(serviceName);
        var filter = _filter.Read(parseResult);

        var registry = await context.ConnectAsync(cancellationToken);
        var instances = await registry.GetInstancesAsync(serviceName, healthyOnly, filter, cancellationToken);

        if (context.Output.Json)
        {
            context.Output.WriteJson(instances.Select(instance => instance.ToDocument()).ToList(), RegistryJsonContext.Default.ListServiceInstanceDocument);
        }
        else if (instances.Count == 0)
        {
            context.Output.Line($"no {(healthyOnly ? "healthy " : string.Empty)}instances of {serviceName}{(filter.IsEmpty ? string.Empty : " that the filter keeps")}");
        }
        else
        {
            context.Output.Write(InstanceTable.Build(instances));
        }

        return ExitCodes.Ok;
    }
}
