using System.Globalization;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>register SERVICE ID --host H --port P [...]</c>: registers or replaces an instance. The options
/// become the same wire document an HTTP <c>PUT</c> carries, so both paths share one set of rules.
/// </summary>
internal sealed class RegisterCommand : ICliCommand
{
    private const string Host = "host";
    private const string Port = "port";
    private const string Status = "status";
    private const string Meta = "meta";
    private const string HealthUrl = "health-url";
    private const string Ttl = "ttl";
    private const string Weight = "weight";

    public string Name => "register";

    public string Synopsis => "SERVICE ID --host H --port P [--status S] [--meta K=V]... [--health-url URL] [--ttl 30s] [--weight N]";

    public string Summary => "register or replace an instance and print what was stored";

    public CommandOptions Options { get; } = CommandOptions.Create([], [Host, Port, Status, Meta, HealthUrl, Ttl, Weight]);

    public async Task<int> ExecuteAsync(CommandContext context, CommandLine commandLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(commandLine);
        commandLine.ExpectPositionals("SERVICE", "ID");
        var instance = ToDocument(commandLine).ToInstance(commandLine.Positionals[0], commandLine.Positionals[1]);

        var client = await context.ConnectAsync(cancellationToken);
        var stored = await client.GetGrain<IServiceGrain>(instance.ServiceName).RegisterAsync(instance).WaitAsync(cancellationToken);

        if (context.Output.Json)
        {
            context.Output.WriteJson(stored.ToDocument(), RegistryJsonContext.Default.ServiceInstanceDocument);
        }
        else
        {
            context.Output.Line($"registered {stored.ServiceName}/{stored.Id}");
            context.Output.Write(InstanceTable.Build([stored]));
        }

        return ExitCodes.Ok;
    }

    private static ServiceInstanceDocument ToDocument(CommandLine commandLine)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in commandLine.GetValues(Meta))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new RegistryValidationException("metadata", $"'{pair}' must be written key=value");
            }

            metadata[pair[..equals]] = pair[(equals + 1)..];
        }

        if (commandLine.GetValue(Weight) is { } weight)
        {
            metadata[ServiceInstance.WeightKey] = weight;
        }

        var ttl = commandLine.GetValue(Ttl);
        return new ServiceInstanceDocument
        {
            Host = commandLine.GetValue(Host),
            Port = ParsePort(commandLine.GetValue(Port)),
            Status = commandLine.GetValue(Status),
            Metadata = metadata,
            HealthCheckUrl = commandLine.GetValue(HealthUrl),
            Check = ttl is null ? null : new InstanceCheckDocument { Ttl = ttl },
        };
    }

    private static int? ParsePort(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new RegistryValidationException("port", "must be an integer between 1 and 65535");
    }
}
