using OrleansRegistry.Contracts;
using OrleansRegistry.Health;

namespace OrleansRegistry.Silo.Http;

/// <summary>What the health checker knows about a service's instances, for the registry view's probe strips.</summary>
internal static class ServiceHealthEndpoints
{
    public static void MapServiceHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup(string.Empty).WithTags("health")
            .MapGet("/services/{name}/health", GetAsync)
            .WithName("GetServiceHealth")
            .WithSummary("Each instance's status and why, and its last 20 probes")
            .WithDescription(
                "Answered by the service grain from memory: after it moves to another silo the reasons and probes start again. "
                + "An unknown service is 200 with no instances.")
            .Produces<ServiceHealthDocument>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> GetAsync(string name, IGrainFactory grains, HttpContext http)
    {
        var key = ServiceRoute.Key(http, name, "name").GrainKey;
        var report = await grains.GetGrain<IServiceHealthGrain>(key).GetHealthReportAsync();
        var document = new ServiceHealthDocument(
            name,
            report.Silo,
            report.Checking,
            report.Panic,
            report.Rounds,
            report.LastTickAt,
            report.Instances.Select(ToDocument).ToList());
        return TypedResults.Json(document, ViewJsonContext.Default.ServiceHealthDocument);
    }

    private static InstanceHealthDocument ToDocument(InstanceHealthReport instance) => new(
        instance.InstanceId,
        instance.Status.ToWire(),
        instance.StatusReason,
        instance.StatusSince,
        instance.Checked,
        instance.Probe switch
        {
            ProbeKind.Http => "http",
            ProbeKind.Tcp => "tcp",
            _ => null,
        },
        instance.ProbeFailing,
        instance.LeaseExpired,
        instance.UnhealthySince,
        instance.ConsecutiveFailures,
        instance.ConsecutiveSuccesses,
        instance.RecentProbes.Select(probe => new ProbeRecordDocument(probe.At, probe.Passed, Math.Round(probe.Latency.TotalMilliseconds, 1), probe.Detail)).ToList());
}
