using System.CommandLine;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>maint on|off SERVICE ID [--reason TEXT]</c>: takes an instance out of rotation (it stays
/// registered and probed) or puts it back. Idempotent; exit code 1 when the instance is not registered.
/// </summary>
internal sealed class MaintCommand : RegistryCommand
{
    private const string On = "on";
    private const string Off = "off";

    private readonly Argument<string> _state = new("STATE") { Description = "on: take the instance out of rotation; off: put it back" };
    private readonly InstanceArguments _instance = new();
    private readonly Option<string> _reason = new("--reason") { Description = "why, shown with the instance (with on; at most 256 characters)", HelpName = "TEXT" };

    public MaintCommand()
        : base("maint", "take an instance out of rotation without deregistering it, or put it back (exit 1 when it is not registered)")
    {
        _state.AcceptOnlyFromAmong(On, Off);
        Arguments.Add(_state);
        _instance.AddTo(this);
        Options.Add(_reason);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var on = parseResult.GetRequiredValue(_state) == On;
        var (serviceName, instanceId) = _instance.Read(parseResult);
        var reason = parseResult.GetValue(_reason);
        if (!on && reason is not null)
        {
            throw new RegistryValidationException("reason", "is only given with maint on");
        }

        reason ??= string.Empty;
        RegistryValidator.ValidateMaintenanceReason(reason);

        var registry = await context.ConnectAsync(cancellationToken);
        var applied = await registry.SetMaintenanceAsync(serviceName, instanceId, on ? reason : null, cancellationToken);

        var instance = $"{serviceName}/{instanceId}";
        if (context.Output.Json)
        {
            context.Output.WriteJson(writer =>
            {
                writer.WriteString("service_name", serviceName);
                writer.WriteString("id", instanceId);
                writer.WriteBoolean("maintenance", on);
                writer.WriteBoolean("applied", applied);
            });
        }
        else if (applied)
        {
            context.Output.Line(on ? $"{instance} is in maintenance{(reason.Length > 0 ? $": {reason}" : string.Empty)}" : $"{instance} is back in rotation");
        }

        if (!applied)
        {
            context.Output.Error($"{instance} is not registered");
        }

        return applied ? ExitCodes.Ok : ExitCodes.NotFound;
    }
}
