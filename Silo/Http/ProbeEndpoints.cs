namespace OrleansRegistry.Silo.Http;

/// <summary>Liveness and readiness for orchestrators.</summary>
internal static class ProbeEndpoints
{
    public static void MapProbeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty).WithTags("probes");
        group.MapGet("/healthz", () => TypedResults.Text("ok"))
            .WithName("Healthz")
            .WithSummary("The process is alive")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");

        group.MapGet("/readyz", ReadyAsync)
            .WithName("Readyz")
            .WithSummary("The silo is active in the cluster and its storage answers")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReadyAsync(ReadinessProbe probe, HttpContext http)
    {
        var problem = await probe.CheckAsync(http.RequestAborted);
        return problem is null ? TypedResults.Text("ready") : Problems.NotReady(problem);
    }
}
