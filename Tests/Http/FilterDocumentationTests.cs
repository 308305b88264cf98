using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>Tags and filters on the wire: the OpenAPI document describes them, and the seed's Go struct still decodes a tagged instance.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class FilterDocumentationTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Document_FilteredEndpoints_DescribeTagMetaAndNear()
    {
        using var response = await fixture.Client.GetAsync(RegistryHttp.Relative("/openapi/v1.json"));
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!;

        foreach (var path in new[] { "/services", "/services/{name}", "/services/{name}/select" })
        {
            var names = paths[path]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!).ToList();
            Assert.Contains("tag", names);
            Assert.Contains("meta.{key}", names);
        }

        var select = paths["/services/{name}/select"]!["get"]!;
        Assert.Contains("near", select["parameters"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.NotNull(select["responses"]!["200"]!["headers"]!["X-Registry-Zone-Fallback"]);
        Assert.NotNull(document["components"]!["schemas"]!["ServiceInstanceDocument"]!["properties"]!["tags"]);
    }

    [Fact]
    public async Task Discover_TaggedInstance_DecodedByTheSeedGoStructWithTagsIgnored()
    {
        var service = Instances.UniqueService("seed-tags");
        await fixture.Client.RegisterAsync(service, "tagged", metadata: """{"zone":"eu-1"}""", extra: ""","tags":["canary","canary","v2"]""");

        var (status, body, response) = await fixture.Client.GetJsonAsync($"/services/{service}");
        response.Dispose();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["canary", "v2"], body![0]!["tags"]!.AsArray().Select(tag => (string)tag!));
        var decoded = Assert.Single(JsonSerializer.Deserialize<List<GoServiceInstance>>(body.ToJsonString(), GoJson.Options)!);
        Assert.Equal("tagged", decoded.ID);
        Assert.Equal("eu-1", decoded.Metadata!["zone"]);
    }
}
