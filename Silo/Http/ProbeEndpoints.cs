using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Liveness (<c>/healthz</c>, checks tagged <see cref="LiveTag"/>) and readiness (<c>/readyz</c>,
/// checks tagged <see cref="ReadyTag"/>) for orchestrators, through ASP.NET Core health checks.
/// </summary>
internal static class ProbeEndpoints
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddRegistryProbes(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [LiveTag])
            .AddCheck<MembershipHealthCheck>("membership", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return services;
    }

    public static void MapProbeEndpoints(this IEndpointRouteBuilder routes)
    {
        // Orchestrators probe without a key, even when reads are protected.
        routes.MapHealthChecks("/healthz", Probe(LiveTag, "ok")).AllowAnonymous();
        routes.MapHealthChecks("/readyz", Probe(ReadyTag, "ready")).AllowAnonymous();
    }

    private static HealthCheckOptions Probe(string tag, string healthyText) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = (http, report) => WriteAsync(http, report, healthyText),
    };

    private static Task WriteAsync(HttpContext http, HealthReport report, string healthyText)
    {
        if (report.Status != HealthStatus.Healthy)
        {
            return Problems.NotReady(Describe(report)).ExecuteAsync(http);
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(healthyText);
    }

    private static string Describe(HealthReport report) => string.Join(
        " ",
        report.Entries.Values.Where(entry => entry.Status != HealthStatus.Healthy).Select(entry => entry.Description ?? entry.Exception?.GetType().Name ?? "A check failed."));
}
