using System.CommandLine;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Contracts;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary><c>definition SERVICE</c>: shows the stored definition; exit code 1 when there is none.</summary>
internal sealed class DefinitionCommand : RegistryCommand
{
    private readonly Argument<string> _service = CommandArguments.Service();

    public DefinitionCommand()
        : base("definition", "show a service's definition (exit 1 when it has none)")
    {
        Arguments.Add(_service);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var serviceName = parseResult.GetRequiredValue(_service);
        RegistryValidator.ValidateServiceName(serviceName, "name");

        var registry = await context.ConnectAsync(cancellationToken);
        var definition = await registry.GetDefinitionAsync(serviceName, cancellationToken);
        if (definition is null)
        {
            context.Output.Error($"{serviceName} has no definition");
            return ExitCodes.NotFound;
        }

        if (context.Output.Json)
        {
            context.Output.WriteJson(definition.ToDocument(), RegistryJsonContext.Default.ServiceDefinitionDocument);
        }
        else
        {
            context.Output.Write(DefinitionView.Build(definition));
        }

        return ExitCodes.Ok;
    }
}
