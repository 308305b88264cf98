using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using OrleansRegistry.Diagnostics;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// OpenTelemetry for the silo. Metrics (the registry's meter, ASP.NET Core's request and Kestrel
/// meters, HttpClient for the probes, the .NET runtime and Orleans) are always collected and served as Prometheus text on
/// <c>GET /metrics</c>. Traces and logs are exported only when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: without a collector no span is even recorded.
/// </summary>
public static class RegistryTelemetryExtensions
{
    /// <summary>The environment variable (or configuration key) naming an OTLP collector.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddRegistryTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var exportToCollector = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);

        // Logging:Console:FormatterName=json gives JSON lines; these carry the trace and span ids.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("orleans-registry"))
            .WithMetrics(metrics => metrics
                .AddMeter(RegistryMetrics.MeterName, "Microsoft.Orleans")

                // ASP.NET Core's request, Kestrel and error meters. Its routing, authentication and
                // authorization meters record on every request too and cost the read path about a
                // tenth of its rate on this 2-core machine for series nobody graphs: left out.
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics")
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        if (exportToCollector)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
            telemetry.WithTracing(tracing => tracing.AddRegistrySources()).UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The spans a registry trace is made of: the HTTP request, Orleans' grain calls (Orleans 10
    /// reports them on its runtime source), activations and storage, the probes' HTTP calls and the
    /// registry's own spans. Only a request or a registry operation starts a trace
    /// (<see cref="RegistryRootSampler"/>), so Orleans' background calls stay out.
    /// </summary>
    public static TracerProviderBuilder AddRegistrySources(this TracerProviderBuilder tracing) =>
        tracing
            .SetSampler(new ParentBasedSampler(new RegistryRootSampler()))
            .AddSource(RegistryTracing.SourceName, ActivitySources.AllActivitySourceName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();

    /// <summary>Prometheus text on <c>GET /metrics</c>; like the probes, it needs no key.</summary>
    public static IEndpointConventionBuilder MapRegistryMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint().AllowAnonymous().ExcludeFromDescription();
}
