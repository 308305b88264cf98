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

        var overview = await HeadlessChromium.DumpDomAsync(new Uri(silo.BaseAddress, "/dashboard/"));
        Assert.Contains("Orleans Dashboard", overview, StringComparison.Ordinal);
        Assert.Matches(@"Active Silos\s*(<[^>]+>\s*)*2\b", overview);

        var grains = await HeadlessChromium.DumpDomAsync(new Uri(silo.BaseAddress, "/dashboard/#/grains"));
        Assert.Contains("ServiceGrain", grains, StringComparison.Ordinal);
        Assert.Contains("SiloCacheGrain", grains, StringComparison.Ordinal);

        var screenshot = await HeadlessChromium.ScreenshotAsync(new Uri(silo.BaseAddress, "/dashboard/"), Path.Combine(Path.GetTempPath(), $"dashboard-{Guid.NewGuid():N}.png"));
        AssertNotBlank(screenshot);
    }

    [Fact]
    public async Task RegistryView_HeadlessChromium_ListsServicesInstancesAndHealth()
    {
        await using var cluster = await ProcessCluster.StartAsync(1);
        var silo = cluster.Silos[0];
        await RegisterAsync(cluster, "view-orders", "orders-1");
        await RegisterAsync(cluster, "view-orders", "orders-2", status: "unhealthy");
        await RegisterAsync(cluster, "view-users", "users-1");

        var dom = await HeadlessChromium.DumpDomAsync(new Uri(silo.BaseAddress, "/ui?wait=100ms"), virtualTimeBudgetMs: 3000);

        Assert.Contains("data-service=\"view-orders\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-service=\"view-users\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-instance=\"orders-2\"", dom, StringComparison.Ordinal);
        Assert.Contains("1 of 2 healthy", dom, StringComparison.Ordinal);
        Assert.Contains("status unhealthy", dom, StringComparison.Ordinal);
        Assert.Contains("2 services · 3 instances · 2 healthy", dom, StringComparison.Ordinal);
        Assert.True(
            dom.IndexOf("data-service=\"view-orders\"", StringComparison.Ordinal) < dom.IndexOf("data-service=\"view-users\"", StringComparison.Ordinal),
            "services are listed by name");

        var screenshot = await HeadlessChromium.ScreenshotAsync(new Uri(silo.BaseAddress, "/ui?wait=100ms"), Path.Combine(Path.GetTempPath(), $"view-{Guid.NewGuid():N}.png"), virtualTimeBudgetMs: 3000);
        AssertNotBlank(screenshot);
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
