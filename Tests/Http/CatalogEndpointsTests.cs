using System.Net;
using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

[Collection(RegistryHttpCollection.Name)]
public sealed class CatalogEndpointsTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task List_Services_ReturnsNameInstancesHealthySortedByName()
    {
        var prefix = Instances.UniqueService("catalog");
        await fixture.Client.RegisterAsync($"{prefix}-b", "one");
        await fixture.Client.RegisterAsync($"{prefix}-a", "one");
        await fixture.Client.RegisterAsync($"{prefix}-a", "two", status: "unhealthy");

        var (status, body, response) = await fixture.Client.GetJsonAsync("/services");
        response.Dispose();

        Assert.Equal(HttpStatusCode.OK, status);
        var all = body!.AsArray().Select(row => (string)row!["name"]!).ToList();
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        var mine = body.AsArray().Where(row => ((string)row!["name"]!).StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mine.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"name":"{{prefix}}-a","instances":2,"healthy":1}"""), mine[0]), mine[0]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"name":"{{prefix}}-b","instances":1,"healthy":1}"""), mine[1]), mine[1]!.ToJsonString());
    }

    [Fact]
    public async Task List_Services_CarriesIndexThatMovesWithAChange()
    {
        var name = Instances.UniqueService("catalog-index");
        var before = await IndexAsync();

        await fixture.Client.RegisterAsync(name, "one");
        var afterRegister = await IndexAsync();
        await fixture.Client.RegisterAsync(name, "one", status: "unhealthy");
        var afterStatusChange = await IndexAsync();

        Assert.NotEqual(before, afterRegister);
        Assert.NotEqual(afterRegister, afterStatusChange);
    }

    private async Task<long> IndexAsync()
    {
        var (status, _, response) = await fixture.Client.GetJsonAsync("/services");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            return long.Parse(Assert.Single(response.Headers.GetValues("X-Registry-Index")), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
