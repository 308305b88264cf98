using System.CommandLine;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>select SERVICE [--strategy S] [--tag T]... [--meta K=V]... [--near ZONE] [--hold]</c>: the balancer's pick. A least-connections pick opens
/// a lease; the CLI itself never uses the instance, so it returns the lease at once unless
/// <c>--hold</c> asks to leave it open (it then expires after the silo's lease duration), which
/// lets a script see how open leases steer later picks.
/// </summary>
internal sealed class SelectCommand : RegistryCommand
{
    private readonly Argument<string> _service = CommandArguments.Service();
    private readonly StrategyOption _strategy = new("how to pick (default round_robin)");
    private readonly FilterOptions _filter = new();
    private readonly Option<string> _near = new("--near") { Description = "prefer instances whose metadata zone is ZONE (any zone when it has none)", HelpName = "ZONE" };
    private readonly Option<bool> _hold = new("--hold") { Description = "leave a least_connections lease open until it expires" };

    public SelectCommand()
        : base("select", "pick one healthy instance (exit 1 when none is healthy)")
    {
        Arguments.Add(_service);
        Options.Add(_strategy);
        _filter.AddTo(this);
        Options.Add(_near);
        Options.Add(_hold);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var serviceName = parseResult.GetRequiredValue(_service);
        RegistryValidator.ValidateServiceName(serviceName);
        var strategy = _strategy.Read(parseResult) ?? LoadBalancingStrategy.RoundRobin;
        var filter = _filter.Read(parseResult);
        var near = parseResult.GetValue(_near);
        if (near is not null)
        {
            RegistryValidator.ValidateZone(near);
        }

        var registry = await context.ConnectAsync(cancellationToken);
        var selection = await registry.SelectAsync(serviceName, strategy, filter, near, cancellationToken);
        if (selection is null)
        {
            context.Output.Error($"no healthy instance of {serviceName}{(filter.IsEmpty ? string.Empty : " that the filter keeps")}");
            return ExitCodes.NotFound;
        }

        if (selection.ZoneFallback)
        {
            context.Output.Error($"no healthy instance in zone {near}; picked from every zone");
        }

        var hold = parseResult.GetValue(_hold);
        if (selection.Lease is { } lease && !hold)
        {
            await lease.ReleaseAsync(cancellationToken);
        }

        if (context.Output.Json)
        {
            context.Output.WriteJson(selection.Instance.ToDocument(), RegistryJsonContext.Default.ServiceInstanceDocument);
            return ExitCodes.Ok;
        }

        context.Output.Line($"{selection.Instance.Host}:{selection.Instance.Port} ({serviceName}/{selection.Instance.Id}, {strategy.ToWireName()})");
        context.Output.Write(InstanceTable.Build([selection.Instance]));
        if (selection.Lease is { } opened)
        {
            context.Output.Line(hold
                ? $"lease {opened.Description} left open; it expires after the registry's lease duration"
                : $"lease {opened.Description} released");
        }

        return ExitCodes.Ok;
    }
}
