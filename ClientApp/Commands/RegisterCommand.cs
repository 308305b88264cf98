using System.CommandLine;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>register SERVICE ID --host H --port P [--tag T]... [...]</c>: registers or replaces an instance. The options
/// become the same wire document an HTTP <c>PUT</c> carries, so both paths share one set of rules:
/// every option is read as text and checked there, so a bad value is refused naming its wire field.
/// </summary>
internal sealed class RegisterCommand : RegistryCommand
{
    private readonly InstanceArguments _instance = new();
    private readonly Option<string> _host = new("--host") { Description = "the instance's address (required)", HelpName = "H" };
    private readonly Option<string> _port = new("--port") { Description = "the instance's port (required)", HelpName = "P" };
    private readonly Option<string> _status = new("--status") { Description = "healthy (default), unhealthy, starting or stopping", HelpName = "S" };
    private readonly Option<string[]> _meta = new("--meta") { Description = "a metadata entry; repeatable", HelpName = "K=V" };
    private readonly Option<string[]> _tags = new("--tag") { Description = "a tag; repeatable (duplicates are dropped, order is kept)", HelpName = "T" };
    private readonly Option<string> _healthUrl = new("--health-url") { Description = "the HTTP health check's URL", HelpName = "URL" };
    private readonly Option<string> _ttl = new("--ttl") { Description = "a TTL check: the instance heartbeats at least this often, as 30s", HelpName = "DURATION" };
    private readonly Option<string> _weight = new("--weight") { Description = "metadata.weight, for weighted_round_robin", HelpName = "N" };

    public RegisterCommand()
        : base("register", "register or replace an instance and print what was stored")
    {
        _instance.AddTo(this);
        foreach (var option in new Option[] { _host, _port, _status, _meta, _tags, _healthUrl, _ttl, _weight })
        {
            Options.Add(option);
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var (serviceName, instanceId) = _instance.Read(parseResult);
        var instance = ToDocument(parseResult).ToInstance(serviceName, instanceId);

        var registry = await context.ConnectAsync(cancellationToken);
        var stored = await registry.RegisterAsync(instance, cancellationToken);

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

    private ServiceInstanceDocument ToDocument(ParseResult parseResult)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in KeyValueText.Parse(parseResult.GetValue(_meta), "metadata"))
        {
            metadata[key] = value;
        }

        if (parseResult.GetValue(_weight) is { } weight)
        {
            metadata[ServiceInstance.WeightKey] = weight;
        }

        var ttl = parseResult.GetValue(_ttl);
        return new ServiceInstanceDocument
        {
            Host = parseResult.GetValue(_host),
            Port = ParsePort(parseResult.GetValue(_port)),
            Status = parseResult.GetValue(_status),
            Metadata = metadata,
            Tags = parseResult.GetValue(_tags) is { Length: > 0 } tags ? [.. tags] : null,
            HealthCheckUrl = parseResult.GetValue(_healthUrl),
            Check = ttl is null ? null : new InstanceCheckDocument { Ttl = ttl },
        };
    }

    private static int? ParsePort(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Digits only, as over HTTP: no sign, white space or trailing NUL that int.TryParse would let through.
        return InputText.TryParseDigits(text, out int port)
            ? port
            : throw new RegistryValidationException("port", "must be an integer between 1 and 65535");
    }
}
