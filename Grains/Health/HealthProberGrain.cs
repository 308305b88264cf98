using Microsoft.Extensions.Logging;
using OrleansRegistry.Diagnostics;

namespace OrleansRegistry.Health;

/// <summary>
/// Probes on behalf of service grains on this silo and reports each round back to its service grain
/// as one call, so the grain applies the round (thresholds, panic guard) in a single turn.
/// Reentrant: rounds of many services, and their network waits, overlap freely.
/// </summary>
[StatelessWorker, Reentrant]
public sealed partial class HealthProberGrain(InstanceProber prober, ILogger<HealthProberGrain> logger) : Grain, IHealthProberGrain
{
    public async Task ProbeAsync(ProbeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = RegistryTracing.Source.StartActivity("probe round");
        activity?.SetTag("registry.service", request.ServiceName);
        activity?.SetTag("registry.probes", request.Targets.Count);
        var results = await prober.ProbeAllAsync(request.ServiceName, request.Targets);
        try
        {
            await GrainFactory.GetGrain<IServiceHealthGrain>(request.ServiceName).ReportRoundAsync(request.RoundId, results);
        }
        catch (Exception exception)
        {
            // The service grain starts a new round once this one is overdue.
            LogReportFailed(logger, exception, request.ServiceName, request.RoundId);
        }
    }
}
