using System.Net;
using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

[Collection(RegistryHttpCollection.Name)]
public sealed class SelectionEndpointsTests(RegistryHttpFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Select_DefaultStrategy_RoundRobinsOverHealthyInstances()
    {
        var service = Instances.UniqueService("select");
        await Client.RegisterAsync(service, "a");
        await Client.RegisterAsync(service, "b");
        await Client.RegisterAsync(service, "c", status: "unhealthy");

        var picks = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            picks.Add((await SelectAsync(service, null)).Id);
        }

        Assert.DoesNotContain("c", picks);
        Assert.Equal(2, picks.Distinct().Count());
        Assert.Equal(picks[0], picks[2]);
        Assert.Equal(picks[1], picks[3]);
    }

    [Theory]
    [InlineData("round_robin")]
    [InlineData("random")]
    [InlineData("least_connections")]
    [InlineData("weighted_round_robin")]
    [InlineData("Least_Connections")]
    public async Task Select_EachStrategy_ReturnsAHealthyInstanceInWireShape(string strategy)
    {
        var service = Instances.UniqueService("strategy");
        await Client.RegisterAsync(service, "a", metadata: """{"weight":"5"}""");

        var (id, body, lease) = await SelectAsync(service, strategy);

        Assert.Equal("a", id);
        Assert.Equal("healthy", (string?)body["status"]);
        Assert.Equal(strategy.Equals("least_connections", StringComparison.OrdinalIgnoreCase), lease is not null);
    }

    [Fact]
    public async Task Select_NoHealthyInstance_Returns503Problem()
    {
        var service = Instances.UniqueService("down");
        await Client.RegisterAsync(service, "a", status: "unhealthy");

        using var known = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}/select"));
        using var unknown = await Client.GetAsync(RegistryHttp.Relative($"/services/{Instances.UniqueService("ghost")}/select"));

        await RegistryHttp.AssertProblemAsync(known, HttpStatusCode.ServiceUnavailable);
        await RegistryHttp.AssertProblemAsync(unknown, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Select_LeastConnections_CountsOpenLeasesUntilReleased()
    {
        var service = Instances.UniqueService("leases");
        await Client.RegisterAsync(service, "a");
        await Client.RegisterAsync(service, "b");

        var first = await SelectAsync(service, "least_connections");
        var second = await SelectAsync(service, "least_connections");
        Assert.NotEqual(first.Id, second.Id);

        using var release = await Client.SendAsync(HttpMethod.Post, $"/services/{service}/leases/{first.Lease}/release");
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);

        // Only the second pick still holds a lease, so the first instance is the least loaded.
        var third = await SelectAsync(service, "least_connections");
        Assert.Equal(first.Id, third.Id);
    }

    [Fact]
    public async Task Release_Twice_Returns204BothTimes()
    {
        var service = Instances.UniqueService("release");
        await Client.RegisterAsync(service, "a");
        var pick = await SelectAsync(service, "least_connections");

        using var once = await Client.SendAsync(HttpMethod.Post, $"/services/{service}/leases/{pick.Lease}/release");
        using var twice = await Client.SendAsync(HttpMethod.Post, $"/services/{service}/leases/{pick.Lease}/release");

        Assert.Equal(HttpStatusCode.NoContent, once.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, twice.StatusCode);
    }

    [Fact]
    public async Task Release_LeaseOfAnotherService_Returns400Problem()
    {
        var service = Instances.UniqueService("release");
        await Client.RegisterAsync(service, "a");
        var pick = await SelectAsync(service, "least_connections");

        using var response = await Client.SendAsync(HttpMethod.Post, $"/services/{Instances.UniqueService("other")}/leases/{pick.Lease}/release");

        var problem = await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("lease", (string?)problem["field"]);
    }

    private async Task<(string Id, JsonObject Body, string? Lease)> SelectAsync(string service, string? strategy)
    {
        var path = strategy is null ? $"/services/{service}/select" : $"/services/{service}/select?strategy={strategy}";
        using var response = await Client.GetAsync(RegistryHttp.Relative(path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"select: {(int)response.StatusCode} {text}");
        var body = (JsonObject)JsonNode.Parse(text)!;
        var lease = response.Headers.TryGetValues("X-Registry-Lease", out var values) ? values.Single() : null;
        return ((string)body["id"]!, body, lease);
    }
}
