using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>select SERVICE [--strategy S] [--hold]</c>: the balancer's pick. A least-connections pick opens
/// a lease; the CLI itself never uses the instance, so it returns the lease at once unless
/// <c>--hold</c> asks to leave it open (it then expires after the silo's lease duration), which
/// lets a script see how open leases steer later picks.
/// </summary>
internal sealed class SelectCommand : ICliCommand
{
    private const string Strategy = "strategy";
    private const string Hold = "hold";

    public string Name => "select";

    public string Synopsis => $"SERVICE [--strategy {string.Join('|', LoadBalancingStrategyNames.All)}] [--hold]";

    public string Summary => "pick one healthy instance (exit 1 when none is healthy); --hold keeps a least_connections lease open";

    public CommandOptions Options { get; } = CommandOptions.Create([Hold], [Strategy]);

    public async Task<int> ExecuteAsync(CommandContext context, CommandLine commandLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(commandLine);
        commandLine.ExpectPositionals("SERVICE");
        var serviceName = commandLine.Positionals[0];
        RegistryValidator.ValidateServiceName(serviceName);
        var strategyName = commandLine.GetValue(Strategy) ?? LoadBalancingStrategyNames.RoundRobin;
        if (!LoadBalancingStrategyNames.TryParse(strategyName, out var strategy))
        {
            throw new RegistryValidationException("strategy", $"must be one of {string.Join(", ", LoadBalancingStrategyNames.All)}");
        }

        var client = await context.ConnectAsync(cancellationToken);
        var balancer = client.GetGrain<IBalancerGrain>(0);
        var selection = await balancer.SelectAsync(serviceName, strategy).WaitAsync(cancellationToken);
        if (selection is null)
        {
            context.Output.Error($"no healthy instance of {serviceName}");
            return ExitCodes.NotFound;
        }

        var hold = commandLine.HasFlag(Hold);
        if (selection.Lease is { } lease && !hold)
        {
            await balancer.ReleaseAsync(lease).WaitAsync(cancellationToken);
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
                ? $"lease {opened.LeaseId} on silo {opened.Silo} left open; it expires after the registry's lease duration"
                : $"lease {opened.LeaseId} released");
        }

        return ExitCodes.Ok;
    }
}
