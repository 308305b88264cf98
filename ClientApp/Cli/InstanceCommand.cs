using System.CommandLine;
using OrleansRegistry.ClientApp.Connection;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// A command on one registered instance, <c>NAME SERVICE ID</c> (deregister, heartbeat): checks both
/// arguments, makes one call to the registry and reports whether the
/// instance was registered (exit code 1 when it was not; nothing changed then).
/// </summary>
internal abstract class InstanceCommand : RegistryCommand
{
    private readonly InstanceArguments _instance = new();

    protected InstanceCommand(string name, string description)
        : base(name, description) => _instance.AddTo(this);

    /// <summary>The <c>--json</c> property that says whether the call took effect (<c>deregistered</c>, <c>renewed</c>).</summary>
    protected abstract string OutcomeName { get; }

    public sealed override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var (serviceName, instanceId) = _instance.Read(parseResult);

        var registry = await context.ConnectAsync(cancellationToken);
        var applied = await ApplyAsync(registry, serviceName, instanceId, cancellationToken);

        var instance = $"{serviceName}/{instanceId}";
        if (context.Output.Json)
        {
            context.Output.WriteJson(writer =>
            {
                writer.WriteString("service_name", serviceName);
                writer.WriteString("id", instanceId);
                writer.WriteBoolean(OutcomeName, applied);
            });
        }
        else if (applied)
        {
            context.Output.Line(Applied(instance));
        }

        if (!applied)
        {
            context.Output.Error(NotRegistered(instance));
        }

        return applied ? ExitCodes.Ok : ExitCodes.NotFound;
    }

    /// <summary>The registry call; false when the instance was not registered.</summary>
    protected abstract Task<bool> ApplyAsync(IRegistryOperations registry, string serviceName, string instanceId, CancellationToken cancellationToken);

    /// <summary>The line printed when the call took effect on <paramref name="instance"/> (<c>SERVICE/ID</c>).</summary>
    protected abstract string Applied(string instance);

    /// <summary>The message on standard error when <paramref name="instance"/> was not registered.</summary>
    protected abstract string NotRegistered(string instance);
}
