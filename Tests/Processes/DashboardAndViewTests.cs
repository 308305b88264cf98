using System.Net;
using System.Net.Http.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Processes;

/// <summary>What an operator sees in a browser: the Orleans Dashboard and the registry view, on a real two-silo cluster.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class DashboardAndViewTests
{
    [Fact]
    public async Task Dashboard_HeadlessChromium_ShowsSilosAndRegistryGrains()
    {
        await using var cluster = await ProcessCluster.StartAsync(2);
        var silo = cluster.Silos[0];
        await RegisterAsync(cluster, "dash-service", "a");

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var overview = await chromium.RenderAsync(
            new Uri(silo.BaseAddress, "/dashboard/"),
            // textContent runs the number into the next label ("Active Silos2More info").
            @"() => /Active Silos\s*2(?!\d)/.test(document.body.textContent)");
        Assert.Contains("Orleans Dashboard", overview.Html, StringComparison.Ordinal);
        Assert.Matches(@"Active Silos\s*(<[^>]+>\s*)*2\b", overview.Html);
        AssertNotBlank(overview.Png);

        var grains = await chromium.RenderAsync(
            new Uri(silo.BaseAddress, "/dashboard/#/grains"),
            "() => document.body.textContent.includes('ServiceGrain')");
        Assert.Contains("ServiceGrain", grains.Html, StringComparison.Ordinal);
        Assert.Contains("SiloCacheGrain", grains.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistryView_HeadlessChromium_ListsServicesInstancesAndHealth()
    {
        await using var cluster = await ProcessCluster.StartAsync(1);
        var silo = cluster.Silos[0];
        await RegisterAsync(cluster, "view-orders", "orders-1");
        await RegisterAsync(cluster, "view-orders", "orders-2", status: "unhealthy");
        await RegisterAsync(cluster, "view-users", "users-1");

        // Ready once the summary has loaded and every service it counts has its section rendered.
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var view = await chromium.RenderAsync(
            new Uri(silo.BaseAddress, "/ui"),
            """
            () => {
              const counted = /^(\d+) services/.exec(document.getElementById("summary").textContent);
              return counted !== null && document.querySelectorAll("section[data-service] h2").length === Number(counted[1]);
            }
            """);
        var dom = view.Html;

        Assert.Contains("data-service=\"view-orders\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-service=\"view-users\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-instance=\"orders-2\"", dom, StringComparison.Ordinal);
        Assert.Contains("1 of 2 healthy", dom, StringComparison.Ordinal);
        Assert.Contains("status unhealthy", dom, StringComparison.Ordinal);
        Assert.Contains("2 services · 3 instances · 2 healthy", dom, StringComparison.Ordinal);
        Assert.True(
            dom.IndexOf("data-service=\"view-orders\"", StringComparison.Ordinal) < dom.IndexOf("data-service=\"view-users\"", StringComparison.Ordinal),
            "services are listed by name");
        AssertNotBlank(view.Png);
    }

    [Fact]
    public async Task RegistryView_InstanceTurnsUnhealthy_PlotAndProbeStripChange()
    {
        await using var silo = await StartSiloAsync();
        var backends = new HttpBackends();
        try
        {
            var orders1 = await backends.StartAsync("orders-1");
            var orders2 = await backends.StartAsync("orders-2");
            await RegisterAsync(silo.BaseAddress, "view-orders", orders1.Name, orders1.Port, healthCheck: true, metadata: new() { ["zone"] = "eu-1" });
            await RegisterAsync(silo.BaseAddress, "view-orders", orders2.Name, orders2.Port, healthCheck: true, metadata: new() { ["zone"] = "eu-2" });
            await RegisterAsync(silo.BaseAddress, "view-users", "users-1", 9000);
            await PutOrdersDefinitionAsync(silo.BaseAddress);

            await using var chromium = await HeadlessChromium.LaunchAsync();
            await using var page = await chromium.OpenAsync(new Uri(silo.BaseAddress, "/ui?wait=2s"));
            var healthy = await page.RenderWhenAsync($$"""
                () => {{Probes("orders-1")}}.length >= 3 && {{Probes("orders-2")}}.length >= 3
                  && {{Plot("view-orders")}}?.dataset.last === "2/2"
                  && document.querySelector('details[data-definition="view-orders"]') !== null
                """);
            await SaveScreenshotAsync("registry-view-healthy.png", healthy.Png);
            var healthyLine = await page.EvaluateAsync<string>($$"""() => {{Plot("view-orders")}}.querySelector("polyline.healthy").getAttribute("points")""");

            Assert.DoesNotContain("f", await page.EvaluateAsync<string>($"() => {Probes("orders-2")}"), StringComparison.Ordinal);
            Assert.Contains("GET /orders/{id}", healthy.Html, StringComparison.Ordinal);
            Assert.Contains("id: string (required)", healthy.Html, StringComparison.Ordinal);
            Assert.Contains("href=\"#service-view-users\"", healthy.Html, StringComparison.Ordinal);
            Assert.Contains("href=\"/dashboard/\"", healthy.Html, StringComparison.Ordinal);
            Assert.Contains("registered as healthy", healthy.Html, StringComparison.Ordinal);
            AssertNotBlank(healthy.Png);

            orders2.FailWith = HttpStatusCode.ServiceUnavailable;
            var failing = await page.RenderWhenAsync($$"""
                () => /f{2}$/.test({{Probes("orders-2")}}) && {{Plot("view-orders")}}?.dataset.last === "1/2"
                  && (document.querySelector('tr[data-instance="orders-2"] [data-reason]')?.textContent ?? "").startsWith("probe failing")
                """);
            await SaveScreenshotAsync("registry-view.png", failing.Png);
            var failingLine = await page.EvaluateAsync<string>($$"""() => {{Plot("view-orders")}}.querySelector("polyline.healthy").getAttribute("points")""");
            var lastProbe = await page.EvaluateAsync<string>("""() => [...document.querySelectorAll('tr[data-instance="orders-2"] .strip span')].at(-1).title""");

            Assert.NotEqual(healthyLine, failingLine);
            Assert.Contains("probe failing (HTTP 503)", failing.Html, StringComparison.Ordinal);
            Assert.Matches(@"failed · \d+(\.\d)? ms · HTTP 503$", lastProbe);
            Assert.DoesNotContain("f", await page.EvaluateAsync<string>($"() => {Probes("orders-1")}"), StringComparison.Ordinal);
            Assert.Contains("1 of 2 healthy", failing.Html, StringComparison.Ordinal);
        }
        finally
        {
            await backends.StopAllAsync();
        }
    }

    [Fact]
    public async Task RegistryView_PhoneWidthFilter_ShowsOnlyMatchesWithoutSideScrolling()
    {
        await using var silo = await StartSiloAsync();
        await RegisterAsync(silo.BaseAddress, "view-orders", "orders-1", 9001, metadata: new() { ["zone"] = "eu-1" });
        await RegisterAsync(silo.BaseAddress, "view-orders", "orders-2", 9002, metadata: new() { ["zone"] = "us-1" });
        await RegisterAsync(silo.BaseAddress, "view-users", "users-1", 9003);
        await PutOrdersDefinitionAsync(silo.BaseAddress);

        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var page = await chromium.OpenAsync(new Uri(silo.BaseAddress, "/ui?wait=2s"), width: 390, height: 844);
        await page.RenderWhenAsync("() => document.querySelectorAll('section[data-service] svg[data-plot]').length === 2");
        await page.TypeAsync("#filter", "us-1");
        var filtered = await page.RenderWhenAsync("() => document.querySelector('section[data-service=\"view-users\"]').hidden");
        await SaveScreenshotAsync("registry-view-phone.png", filtered.Png);

        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('tr[data-instance=\"orders-1\"]').hidden"), "orders-1 does not match us-1");
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('tr[data-instance=\"orders-2\"]').hidden"), "orders-2 is in us-1");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the view fits a phone-width window without scrolling sideways");
    }

    private static readonly string[] ViewHealthArguments =
    [
        "--Registry:HealthCheck:Interval=00:00:01",
        "--Registry:HealthCheck:Timeout=00:00:00.800",
        "--Registry:HealthCheck:FailuresBeforeUnhealthy=1",
    ];

    /// <summary>JavaScript: the pass/fail letters of an instance's probe strip, oldest first ("" before the first probe).</summary>
    private static string Probes(string instance) =>
        $$"""(document.querySelector('tr[data-instance="{{instance}}"] [data-probes]')?.dataset.probes ?? "")""";

    /// <summary>JavaScript: a service's plot.</summary>
    private static string Plot(string service) => $$"""document.querySelector('section[data-service="{{service}}"] svg[data-plot]')""";

    /// <summary>One silo process on in-memory storage, probing every second.</summary>
    private static async Task<SiloProcess> StartSiloAsync()
    {
        var silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, $"view{Guid.NewGuid():N}"[..20])
        {
            ExtraArguments = ViewHealthArguments,
        });
        try
        {
            using var http = new HttpClient();
            await silo.WaitReadyAsync(http);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    private static async Task RegisterAsync(Uri silo, string service, string id, int port, bool healthCheck = false, Dictionary<string, string>? metadata = null)
    {
        using var http = new HttpClient();
        using var response = await http.PutAsJsonAsync(
            new Uri(silo, $"/services/{service}/instances/{id}"),
            new ServiceInstanceDocument
            {
                Host = "127.0.0.1",
                Port = port,
                Metadata = metadata ?? [],
                HealthCheckUrl = healthCheck ? $"http://127.0.0.1:{port}/health" : null,
            },
            RegistryJsonContext.Default.ServiceInstanceDocument);
        response.EnsureSuccessStatusCode();
    }

    private static async Task PutOrdersDefinitionAsync(Uri silo)
    {
        using var http = new HttpClient();
        using var content = new StringContent(
            """
            {"version":"2.1.0","description":"Takes and tracks orders.",
             "endpoints":[{"path":"/orders/{id}","method":"GET","description":"One order",
                           "parameters":[{"name":"id","param_type":"string","required":true,"description":"order id"}]},
                          {"path":"/orders","method":"POST","description":"Place an order"}],
             "dependencies":["view-users"],"config":{"timeout_ms":500}}
            """,
            System.Text.Encoding.UTF8,
            "application/json");
        using var response = await http.PutAsync(new Uri(silo, "/services/view-orders/definition"), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Keeps a screenshot as a test artifact, next to the test results (Tests/TestResults/screenshots).</summary>
    private static async Task SaveScreenshotAsync(string fileName, byte[] png)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "Tests", "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, fileName), png);
    }

    private static async Task RegisterAsync(ProcessCluster cluster, string service, string id, string status = "healthy")
    {
        using var response = await cluster.Http.PutAsJsonAsync(
            new Uri(cluster.Silos[0].BaseAddress, $"/services/{service}/instances/{id}"),
            new ServiceInstanceDocument { Host = "127.0.0.1", Port = 9000, Status = status, Metadata = [] },
            RegistryJsonContext.Default.ServiceInstanceDocument);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A PNG of a rendered page compresses far worse than an empty one; a blank 1280×900 page is a few KiB.</summary>
    private static void AssertNotBlank(byte[] png)
    {
        Assert.True(png.Length > 8 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "the screenshot is a PNG");
        Assert.True(png.Length > 20_000, $"the screenshot is {png.Length} bytes: the page looks blank");
    }
}
