using System.Net;
using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

[Collection(RegistryHttpCollection.Name)]
public sealed class OpenApiDocumentTests(RegistryHttpFixture fixture)
{
    public static TheoryData<string, string> Operations => new()
    {
        { "get", "/services" },
        { "get", "/services/{name}" },
        { "get", "/services/{name}/instances/{id}" },
        { "put", "/services/{name}/instances/{id}" },
        { "delete", "/services/{name}/instances/{id}" },
        { "put", "/services/{name}/instances/{id}/heartbeat" },
        { "get", "/services/{name}/select" },
        { "post", "/services/{name}/leases/{lease}/release" },
        { "put", "/services/{name}/definition" },
        { "get", "/services/{name}/definition" },
        { "put", "/services/{name}/instances/{id}/maintenance" },
        { "delete", "/services/{name}/instances/{id}/maintenance" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Document_EveryEndpoint_IsDescribed(string method, string path)
    {
        var document = await DocumentAsync();

        var operation = document["paths"]?[path]?[method];
        Assert.True(operation is not null, $"{method.ToUpperInvariant()} {path} is in the document");
        Assert.False(string.IsNullOrEmpty((string?)operation["summary"]), "it has a summary");
        Assert.Equal(method is "put" or "delete", operation["security"] is not null);
    }

    [Fact]
    public async Task Document_ApiKeyScheme_IsTheXApiKeyHeader()
    {
        var scheme = (await DocumentAsync())["components"]?["securitySchemes"]?["ApiKey"];

        Assert.Equal(("apiKey", "header", "X-Api-Key"), ((string?)scheme?["type"], (string?)scheme?["in"], (string?)scheme?["name"]));
        Assert.Contains("Registry:Auth:ProtectReads", (string?)scheme?["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_Schemas_UseTheSnakeCaseWireNames()
    {
        var document = await DocumentAsync();

        var instance = document["components"]!["schemas"]!["ServiceInstanceDocument"]!["properties"]!.AsObject();
        Assert.Equal(
            ["id", "service_name", "host", "port", "status", "metadata", "health_check_url", "last_heartbeat", "created_at"],
            instance.Select(p => p.Key).Take(9));
        Assert.Equal(["healthy", "unhealthy", "starting", "stopping"], instance["status"]!["enum"]!.AsArray().Select(v => (string)v!));
        var definition = document["components"]!["schemas"]!["ServiceDefinitionDocument"]!["properties"]!.AsObject();
        Assert.Equal(["name", "version", "description", "endpoints", "dependencies", "config"], definition.Select(p => p.Key));
        var summary = document["components"]!["schemas"]!["ServiceSummaryDocument"]!["properties"]!.AsObject();
        Assert.Equal(["name", "instances", "healthy"], summary.Select(p => p.Key));
        Assert.Equal("X-Api-Key", (string?)document["components"]!["securitySchemes"]!["ApiKey"]!["name"]);
        Assert.NotNull(document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["field"]);
    }

    [Fact]
    public async Task Document_ListAndSelect_DescribeTheRegistryHeaders()
    {
        var document = await DocumentAsync();

        Assert.NotNull(document["paths"]!["/services/{name}"]!["get"]!["responses"]!["200"]!["headers"]!["X-Registry-Index"]);
        Assert.NotNull(document["paths"]!["/services/{name}/select"]!["get"]!["responses"]!["200"]!["headers"]!["X-Registry-Lease"]);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var response = await fixture.Client.GetAsync(RegistryHttp.Relative("/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
