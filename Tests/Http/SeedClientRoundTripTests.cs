using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>What the registry sends decodes into the seed's Go struct and re-encodes to the same values.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class SeedClientRoundTripTests(RegistryHttpFixture fixture)
{
    private static readonly string[] GoFields = ["id", "service_name", "host", "port", "status", "metadata", "health_check_url", "last_heartbeat", "created_at"];

    [Fact]
    public async Task Discover_OutputDecodedByGoStruct_ReencodesToTheSameValues()
    {
        var service = Instances.UniqueService("seed");
        await fixture.Client.RegisterAsync(service, "plain", port: 65535);
        await fixture.Client.RegisterAsync(service, "rich", port: 1, status: "Stopping", metadata: """{"zone":"eu-1","weight":"7","ünïcode":"✓ \"quoted\""}""", extra: ""","health_check_url":"https://127.0.0.1:8443/health?full=1" """);
        await fixture.Client.RegisterAsync(service, "ipv6", host: "::1", status: "unhealthy", extra: ""","health_check_url":"http://[::1]/h" """);

        var (status, body, response) = await fixture.Client.GetJsonAsync($"/services/{service}");
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        var sent = body!.AsArray();
        Assert.Equal(3, sent.Count);

        // The seed client's own call: json.NewDecoder(resp.Body).Decode(&instances).
        var decoded = JsonSerializer.Deserialize<List<GoServiceInstance>>(sent.ToJsonString(), GoJson.Options)!;
        var reencoded = JsonNode.Parse(JsonSerializer.Serialize(decoded, GoJson.Options))!.AsArray();

        for (var i = 0; i < sent.Count; i++)
        {
            var original = sent[i]!.AsObject();
            Assert.All(original.Select(p => p.Key), key => Assert.Contains(key, GoFields));
            Assert.True(JsonNode.DeepEquals(original, reencoded[i]), $"sent {original.ToJsonString()}\nGo re-encodes {reencoded[i]!.ToJsonString()}");
        }

        var rich = decoded.Single(d => d.ID == "rich");
        Assert.Equal(1, rich.Port);
        Assert.Equal("stopping", rich.Status);
        Assert.Equal("https://127.0.0.1:8443/health?full=1", rich.HealthCheckURL);
        Assert.Equal(TimeSpan.Zero, rich.CreatedAt.Offset);
        Assert.Equal(string.Empty, decoded.Single(d => d.ID == "plain").HealthCheckURL);
    }

    [Fact]
    public async Task GetAndSelect_OutputDecodedByGoStruct_ReencodesToTheSameValues()
    {
        var service = Instances.UniqueService("seed-one");
        await fixture.Client.RegisterAsync(service, "a", metadata: """{"zone":"z"}""");

        foreach (var path in new[] { $"/services/{service}/instances/a", $"/services/{service}/select" })
        {
            var (_, body, response) = await fixture.Client.GetJsonAsync(path);
            response.Dispose();
            var decoded = JsonSerializer.Deserialize<GoServiceInstance>(body!.ToJsonString(), GoJson.Options)!;
            var reencoded = JsonNode.Parse(JsonSerializer.Serialize(decoded, GoJson.Options));
            Assert.True(JsonNode.DeepEquals(body, reencoded), $"{path}: sent {body.ToJsonString()}\nGo re-encodes {reencoded!.ToJsonString()}");
        }
    }
}
