using OrleansRegistry.Contracts;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Silo.Http;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary><c>select?near=Z</c>: picks stay in the zone while it has eligible instances, fall back with a header when not.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class ZoneSelectionTests(RegistryHttpFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Theory]
    [InlineData("round_robin")]
    [InlineData("random")]
    [InlineData("least_connections")]
    [InlineData("weighted_round_robin")]
    public async Task Select_Near_StaysInZoneFallsBackWhenItEmptiesAndReturns(string strategy)
    {
        var service = Instances.UniqueService("zone");
        await Client.RegisterAsync(service, "eu-1", metadata: """{"zone":"eu"}""");
        await Client.RegisterAsync(service, "eu-2", metadata: """{"zone":"eu","weight":"3"}""");
        await Client.RegisterAsync(service, "us-1", metadata: """{"zone":"us"}""");
        await Client.RegisterAsync(service, "none-1");

        await AssertPicksAsync(service, strategy, ["eu-1", "eu-2"], fallback: false);

        await Client.RegisterAsync(service, "eu-1", status: "unhealthy", metadata: """{"zone":"eu"}""");
        await AssertPicksAsync(service, strategy, ["eu-2"], fallback: false);

        // The last one in the zone turns unhealthy: every zone's eligible instances, marked as a fallback.
        await Client.RegisterAsync(service, "eu-2", status: "unhealthy", metadata: """{"zone":"eu","weight":"3"}""");
        await AssertPicksAsync(service, strategy, ["none-1", "us-1"], fallback: true);

        await Client.RegisterAsync(service, "eu-2", metadata: """{"zone":"eu","weight":"3"}""");
        await AssertPicksAsync(service, strategy, ["eu-2"], fallback: false);
    }

    [Fact]
    public async Task SelectAsync_BalancerGrainNear_ReportsFallback()
    {
        var service = Instances.UniqueService("zone-grain");
        await Client.RegisterAsync(service, "eu-1", metadata: """{"zone":"eu"}""", extra: ""","tags":["blue"]""");
        await Client.RegisterAsync(service, "us-1", metadata: """{"zone":"us"}""", extra: ""","tags":["blue"]""");
        await Client.RegisterAsync(service, "us-2", metadata: """{"zone":"us"}""");
        var balancer = fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IBalancerGrain>(0);
        var blue = new InstanceFilter(["blue"], []);

        var inZone = await balancer.SelectAsync(service, LoadBalancingStrategy.RoundRobin, blue, "us");
        var outOfZone = await balancer.SelectAsync(service, LoadBalancingStrategy.RoundRobin, blue, "ap");
        var noneKept = await balancer.SelectAsync(service, LoadBalancingStrategy.RoundRobin, new InstanceFilter(["red"], []), "us");

        Assert.Equal(("us-1", false), (inZone!.Instance.Id, inZone.ZoneFallback));
        Assert.True(outOfZone!.ZoneFallback);
        Assert.True(outOfZone.Instance.Id is "eu-1" or "us-1", $"picked {outOfZone.Instance.Id}, a blue instance");
        Assert.Null(noneKept);
    }

    [Theory]
    [InlineData("near=", "near")]
    [InlineData("tag=a%20b", "tag")]
    [InlineData("tag=-x", "tag")]
    [InlineData("meta.=eu", "meta")]
    [InlineData("meta.zone=eu%01", "meta.zone")]
    public async Task Select_MalformedFilter_Returns400NamingTheParameter(string query, string field)
    {
        var service = Instances.UniqueService("zone-bad");
        await Client.RegisterAsync(service, "a");

        using var select = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}/select?{query}"));
        using var list = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}?{query}"));

        Assert.Equal(field, (string?)(await RegistryHttp.AssertProblemAsync(select, HttpStatusCode.BadRequest))["field"]);
        if (!query.StartsWith("near", StringComparison.Ordinal))
        {
            Assert.Equal(field, (string?)(await RegistryHttp.AssertProblemAsync(list, HttpStatusCode.BadRequest))["field"]);
        }
    }

    [Fact]
    public async Task List_TooManyTags_Returns400NamingTag()
    {
        var query = string.Join("&", Enumerable.Range(0, 33).Select(i => $"tag=t{i}"));

        using var list = await Client.GetAsync(RegistryHttp.Relative($"/services/{Instances.UniqueService("many")}?{query}"));
        using var catalog = await Client.GetAsync(RegistryHttp.Relative($"/services?{query}"));

        Assert.Equal("tag", (string?)(await RegistryHttp.AssertProblemAsync(list, HttpStatusCode.BadRequest))["field"]);
        Assert.Equal("tag", (string?)(await RegistryHttp.AssertProblemAsync(catalog, HttpStatusCode.BadRequest))["field"]);
    }

    private async Task AssertPicksAsync(string service, string strategy, string[] expected, bool fallback)
    {
        var picked = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 12; i++)
        {
            using var response = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}/select?near=eu&strategy={strategy}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(fallback, response.Headers.TryGetValues(RegistryHeaders.ZoneFallback, out var values) && values.Single() == "true");
            picked.Add((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!);
        }

        Assert.Subset(new SortedSet<string>(expected, StringComparer.Ordinal), picked);
        if (strategy != "random")
        {
            Assert.Equal(expected, picked);
        }
    }
}
