using System.CommandLine;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Contracts;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary><c>services</c>: every service of the namespace with its instance counts.</summary>
internal sealed class ServicesCommand() : RegistryCommand("services", "list the services with their instance and healthy counts")
{
    public override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var registry = await context.ConnectAsync(cancellationToken);
        var summaries = await registry.GetServicesAsync(cancellationToken);

        if (context.Output.Json)
        {
            context.Output.WriteJson(summaries.Select(summary => summary.ToDocument()).ToList(), RegistryJsonContext.Default.ListServiceSummaryDocument);
        }
        else if (summaries.Count == 0)
        {
            context.Output.Line("no services registered");
        }
        else
        {
            context.Output.Write(SummaryTable.Build(summaries));
        }

        return ExitCodes.Ok;
    }
}
