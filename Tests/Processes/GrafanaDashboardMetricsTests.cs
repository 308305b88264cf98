using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OrleansRegistry.Contracts;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Processes;

/// <summary>The provisioned Grafana dashboard against a real silo's <c>/metrics</c>: every series it queries is exported.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed partial class GrafanaDashboardMetricsTests : IAsyncLifetime, IDisposable
{
    private const string Service = "dash-orders";

    private readonly HttpBackends _backends = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private SiloProcess _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, $"dash{Guid.NewGuid():N}"[..20])
        {
            ExtraArguments =
            [
                "--Registry:HealthCheck:Interval=00:00:01",
                "--Registry:HealthCheck:Timeout=00:00:00.800",
            ],
        });
        await _silo.WaitReadyAsync(_http);
    }

    public async Task DisposeAsync()
    {
        await _backends.StopAllAsync();
        await _silo.DisposeAsync();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Dashboard_EveryQueriedSeries_IsExportedByASilo()
    {
        var backend = await _backends.StartAsync("orders-1");
        await RegisterAsync(backend.Name, backend.Port, $"http://127.0.0.1:{backend.Port}/health");
        await RegisterAsync("orders-2", backend.Port, healthCheckUrl: null);
        await SendOkAsync(HttpMethod.Put, $"/services/{Service}/instances/{backend.Name}/heartbeat");
        await SendOkAsync(HttpMethod.Get, $"/services/{Service}/select");
        await SendOkAsync(HttpMethod.Delete, $"/services/{Service}/instances/orders-2");
        using (var list = await _http.GetAsync(new Uri(_silo.BaseAddress, $"/services/{Service}")))
        {
            // A blocking query at the current index waits its full second: one is counted while it waits.
            await SendOkAsync(HttpMethod.Get, $"/services/{Service}?index={list.Headers.GetValues("X-Registry-Index").Single()}&wait=1s");
        }

        var queried = GrafanaDashboard.Panels()
            .SelectMany(panel => panel.Expressions.SelectMany(GrafanaDashboard.MetricNames).Select(name => (panel.Title, Name: name)))
            .ToArray();
        Assert.NotEmpty(queried);

        // Probes run every second from the first health tick; the other series exist once their action is done.
        var exported = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    exported = await ScrapeAsync();
                    return queried.All(query => exported.Contains(query.Name));
                },
                TimeSpan.FromSeconds(30),
                "every series the dashboard queries on /metrics");
        }
        catch (TimeoutException)
        {
            // The assertion below names what is missing.
        }

        var missing = queried.Where(query => !exported.Contains(query.Name)).Select(query => $"{query.Title}: {query.Name}").ToArray();
        Assert.True(missing.Length == 0, $"not exported: {string.Join(", ", missing)}");
    }

    private async Task<HashSet<string>> ScrapeAsync()
    {
        var text = await _http.GetStringAsync(new Uri(_silo.BaseAddress, "/metrics"));
        return SampleName().Matches(text).Select(match => match.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
    }

    private async Task RegisterAsync(string id, int port, string? healthCheckUrl)
    {
        using var response = await _http.PutAsJsonAsync(
            new Uri(_silo.BaseAddress, $"/services/{Service}/instances/{id}"),
            new ServiceInstanceDocument { Host = "127.0.0.1", Port = port, Metadata = [], HealthCheckUrl = healthCheckUrl },
            RegistryJsonContext.Default.ServiceInstanceDocument);
        response.EnsureSuccessStatusCode();
    }

    private async Task SendOkAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(_silo.BaseAddress, path));
        using var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{method} {path}: {(int)response.StatusCode}");
    }

    // A sample line of the Prometheus text format: the series name, then its labels or its value.
    [GeneratedRegex(@"^(?<name>[A-Za-z_:][A-Za-z0-9_:]*)[{ ]", RegexOptions.Multiline)]
    private static partial Regex SampleName();
}
