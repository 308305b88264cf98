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
