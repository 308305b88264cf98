using System.Net;
using OrleansRegistry.Tests.Support;
using Xunit.Abstractions;

namespace OrleansRegistry.Tests.Observability;

/// <summary>
/// The contract's series on <c>GET /metrics</c> of a real silo process (its own process, so no other
/// test's activity reaches its meters), with the exact values a known sequence of actions implies.
/// </summary>
public sealed class MetricsEndpointTests(ITestOutputHelper output)
{
    private static readonly TimeSpan EvictionDeadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Metrics_AfterKnownActions_ReportEachContractSeriesExactly()
    {
        await using var failing = await HttpBackend.StartAsync("failing");
        failing.FailWith = HttpStatusCode.ServiceUnavailable;
        await using var flipping = await HttpBackend.StartAsync("flipping");
        await using var silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, $"metrics-{Guid.NewGuid():N}")
        {
            ExtraArguments =
            [
                "--Registry:HealthCheck:Interval=00:00:01",
                "--Registry:HealthCheck:Timeout=00:00:00.800",
                "--Registry:HealthCheck:FailuresBeforeUnhealthy=1",
                "--Registry:HealthCheck:DeregisterAfter=00:01:00",
            ],
        });
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        await silo.WaitReadyAsync(http);

        // alpha: two plain instances, heartbeats, picks, a blocking query and an API deregistration.
        await http.RegisterAsync("alpha", "a1");
        await http.RegisterAsync("alpha", "a2");
        for (var i = 0; i < 2; i++)
        {
            using var beat = await http.SendAsync(HttpMethod.Put, "/services/alpha/instances/a1/heartbeat");
            Assert.Equal(HttpStatusCode.NoContent, beat.StatusCode);
        }

        using (var unknown = await http.SendAsync(HttpMethod.Put, "/services/alpha/instances/ghost/heartbeat"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            using var pick = await http.GetAsync(RegistryHttp.Relative("/services/alpha/select"));
            Assert.Equal(HttpStatusCode.OK, pick.StatusCode);
        }

        using (var none = await http.GetAsync(RegistryHttp.Relative("/services/nobody/select")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, none.StatusCode);
        }

        long index;
        using (var listing = await http.GetAsync(RegistryHttp.Relative("/services/alpha")))
        {
            index = RegistryHttp.IndexOf(listing);
        }

        var blocking = http.GetAsync(RegistryHttp.Relative($"/services/alpha?index={index}&wait=60s"));
        await WaitForAsync(http, silo, scrape => scrape.Value("registry_blocking_queries") == 1, "one blocking query waiting");
        using (var removed = await http.SendAsync(HttpMethod.Delete, "/services/alpha/instances/a2"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using (var woken = await blocking)
        {
            Assert.Equal(HttpStatusCode.OK, woken.StatusCode);
        }

        // beta: registered unhealthy with a failing probe: evicted after DeregisterAfter.
        await http.RegisterAsync("beta", "b1", port: failing.Port, status: "unhealthy", extra: $",\"health_check_url\":\"http://127.0.0.1:{failing.Port}/health\"");

        // gamma: a TTL instance never renewed beside a plain one (so no panic): it leaves by its lease.
        await http.RegisterAsync("gamma", "c0");
        await http.RegisterAsync("gamma", "c1", extra: ",\"check\":{\"ttl\":\"1s\"}");

        // delta: two probed instances that pass, then fail together: panic.
        var deltaCheck = $",\"health_check_url\":\"http://127.0.0.1:{flipping.Port}/health\"";
        await http.RegisterAsync("delta", "d1", port: flipping.Port, extra: deltaCheck);
        await http.RegisterAsync("delta", "d2", port: flipping.Port, extra: deltaCheck);
        await Eventually.TrueAsync(async () => flipping.Hits >= 2, TimeSpan.FromSeconds(30), "delta's instances to be probed");
        flipping.FailWith = HttpStatusCode.ServiceUnavailable;
        await WaitForAsync(http, silo, scrape => scrape.Value("registry_service_panic", ("service", "delta")) == 1, "delta in panic");
        foreach (var id in new[] { "d1", "d2" })
        {
            using var removed = await http.SendAsync(HttpMethod.Delete, $"/services/delta/instances/{id}");
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        await Eventually.TrueAsync(
            async () => (await http.ListAsync("beta")).Count == 0 && (await http.ListAsync("gamma")).Count == 1,
            EvictionDeadline,
            "beta/b1 and gamma/c1 to be evicted");

        // Nothing is checked any more, so the probe counts are final.
        var scrape = await PrometheusScrape.GetAsync(http, silo.BaseAddress);
        output.WriteLine(scrape.Text);
        var probes = failing.Hits + flipping.Hits;
        var ns = ("namespace", "default");

        Assert.Equal(7, scrape.Value("registry_registrations_total", ns));
        Assert.Equal(3, scrape.Value("registry_deregistrations_total", ns, ("reason", "api")));
        Assert.Equal(1, scrape.Value("registry_deregistrations_total", ns, ("reason", "evicted")));
        Assert.Equal(1, scrape.Value("registry_deregistrations_total", ns, ("reason", "ttl")));
        Assert.Equal(2, scrape.Value("registry_heartbeats_total", ("result", "renewed")));
        Assert.Equal(1, scrape.Value("registry_heartbeats_total", ("result", "not_registered")));
        Assert.Equal(probes, scrape.Value("registry_probes_total", ("kind", "http")));
        Assert.True(scrape.Value("registry_probes_total", ("kind", "http"), ("result", "pass")) >= 2, "delta's passing probes are counted");
        Assert.True(scrape.Value("registry_probes_total", ("kind", "http"), ("result", "fail")) >= 3, "beta's and delta's failing probes are counted");
        Assert.Equal(probes, scrape.Value("registry_probe_duration_seconds_count", ("kind", "http")));
        Assert.Equal(3, scrape.Value("registry_selections_total", ("strategy", "round_robin"), ("result", "picked")));
        Assert.Equal(1, scrape.Value("registry_selections_total", ("strategy", "round_robin"), ("result", "none")));
        Assert.Equal(0, scrape.Value("registry_blocking_queries"));
        Assert.Equal(2, scrape.Value("registry_services", ns));
        Assert.Equal(1, scrape.Value("registry_instances", ns, ("service", "alpha"), ("status", "healthy")));
        Assert.Equal(1, scrape.Value("registry_instances", ns, ("service", "alpha")));
        Assert.Equal(1, scrape.Value("registry_instances", ns, ("service", "gamma"), ("status", "healthy")));
        Assert.Null(scrape.Value("registry_instances", ("service", "beta")));
        Assert.Equal(0, scrape.Value("registry_service_panic", ns, ("service", "gamma")));
        Assert.Null(scrape.Value("registry_service_panic", ("service", "delta")));

        // One push per stored change: the services' change indexes add up to the pushes.
        long changes = 0;
        foreach (var service in new[] { "alpha", "beta", "gamma", "delta" })
        {
            using var listing = await http.GetAsync(RegistryHttp.Relative($"/services/{service}"));
            changes += RegistryHttp.IndexOf(listing);
        }

        Assert.Equal(changes, scrape.Value("registry_change_push_duration_seconds_count"));

        // The framework's meters are there too.
        Assert.Contains("http_server_request_duration_seconds_count", scrape.Names);
        Assert.Contains(scrape.Names, name => name.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(scrape.Names, name => name.StartsWith("dotnet_", StringComparison.Ordinal));
    }

    private static Task WaitForAsync(HttpClient http, SiloProcess silo, Func<PrometheusScrape, bool> condition, string what) =>
        Eventually.TrueAsync(async () => condition(await PrometheusScrape.GetAsync(http, silo.BaseAddress)), TimeSpan.FromSeconds(30), what);
}
