using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Watching;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>watch SERVICE [--count N] [--tag T]... [--meta K=V]...</c>: prints the service's instances,
/// then every change as the registry pushes it, until Ctrl+C (or after N steps, the first
/// included). With a filter only the instances it keeps are shown, and steps that change none of them are skipped.
/// </summary>
internal sealed class WatchCommand : RegistryCommand
{
    private readonly Argument<string> _service = CommandArguments.Service();
    private readonly Option<int?> _count = new("--count") { Description = "stop after N steps, the first included", HelpName = "N", CustomParser = ParseCount };
    private readonly FilterOptions _filter = new();

    public WatchCommand()
        : base("watch", "print the service's instances, then each change as it happens (until Ctrl+C or N steps)")
    {
        Arguments.Add(_service);
        Options.Add(_count);
        _filter.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var serviceName = parseResult.GetRequiredValue(_service);
        RegistryValidator.ValidateServiceName(serviceName);
        var limit = parseResult.GetValue(_count) ?? int.MaxValue;
        var filter = _filter.Read(parseResult);

        var services = await context.ServicesAsync(cancellationToken);
        var watcher = services.GetRequiredService<RegistryWatcher>();
        var steps = 0;
        try
        {
            await foreach (var step in watcher.WatchAsync(serviceName, cancellationToken))
            {
                if (FilteredChanges.Apply(step, filter) is not { } change)
                {
                    continue;
                }

                Print(context, change);
                if (++steps >= limit)
                {
                    break;
                }
            }
        }
        catch (RegistryUnavailableException exception)
        {
            context.Output.Error($"the registry failed: {exception.Message}");
            return ExitCodes.RegistryFailed;
        }

        return ExitCodes.Ok;
    }

    private static int? ParseCount(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (InputText.TryParseDigits(text, out int count) && count >= 1)
        {
            return count;
        }

        result.AddError($"--count must be a positive whole number, not '{text}'");
        return null;
    }

    private static void Print(CommandContext context, ServiceChange change)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(writer =>
            {
                writer.WriteString("service_name", change.ServiceName);
                writer.WriteNumber("index", change.Index);
                writer.WriteString("observed_at", change.ObservedAt.UtcDateTime);
                writer.WriteBoolean("initial", change.IsInitial);
                WriteInstances(writer, "added", change.Added);
                WriteInstances(writer, "removed", change.Removed);
                WriteInstances(writer, "updated", change.Updated.Select(update => update.After).ToList());
            });
            return;
        }

        var when = change.ObservedAt.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        if (change.IsInitial)
        {
            context.Output.Line($"{when} {change.ServiceName} at index {change.Index}: {change.Instances.Count} instances");
            if (change.Instances.Count > 0)
            {
                context.Output.Write(InstanceTable.Build(change.Instances));
            }

            return;
        }

        context.Output.Line($"{when} {change.ServiceName} at index {change.Index}:");
        foreach (var instance in change.Added)
        {
            context.Output.Line($"  + {instance.Id} {instance.Host}:{instance.Port} {instance.Status.ToWire()}");
        }

        foreach (var instance in change.Removed)
        {
            context.Output.Line($"  - {instance.Id} {instance.Host}:{instance.Port}");
        }

        foreach (var update in change.Updated)
        {
            context.Output.Line($"  ~ {update.After.Id} {update.Before.Status.ToWire()} -> {update.After.Status.ToWire()}");
        }

        if (change.IsEmpty)
        {
            context.Output.Line("  (definition changed; instances unchanged)");
        }
    }

    private static void WriteInstances(Utf8JsonWriter writer, string name, IReadOnlyList<ServiceInstance> instances)
    {
        writer.WriteStartArray(name);
        foreach (var instance in instances)
        {
            JsonSerializer.Serialize(writer, instance.ToDocument(), RegistryJsonContext.Default.ServiceInstanceDocument);
        }

        writer.WriteEndArray();
    }
}
