using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansRegistry.Caching;
using OrleansRegistry.Diagnostics;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>The reads the registry view is fed by: a service's history and its health, over real HTTP.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class ServiceViewEndpointsTests(RegistryHttpFixture fixture) : IAsyncLifetime
{
    private readonly HttpBackends _backends = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backends.StopAllAsync();

    [Fact]
    public async Task History_RegisteredService_EndsWithTheCurrentCounts()
    {
        var service = Instances.UniqueService("history");
        await fixture.Client.RegisterAsync(service, "a");
        await fixture.Client.RegisterAsync(service, "b", status: "unhealthy");

        var history = await GetOkAsync($"/services/{service}/history");

        Assert.Equal(service, (string?)history["service"]);
        Assert.Equal(10, (int)history["interval_seconds"]!);
        Assert.Equal(900, (int)history["window_seconds"]!);
        var last = history["samples"]!.AsArray()[^1]!;
        Assert.Equal(1, (int)last["healthy"]!);
        Assert.Equal(2, (int)last["total"]!);
        Assert.True(DateTimeOffset.UtcNow - (DateTimeOffset)last["at"]! < TimeSpan.FromMinutes(1), "the last sample is of now");
    }

    [Fact]
    public async Task History_UnknownService_AnswersNoSamples()
    {
        var history = await GetOkAsync($"/services/{Instances.UniqueService("nobody")}/history");

        Assert.Empty(history["samples"]!.AsArray());
    }

    [Fact]
    public async Task Health_UncheckedInstance_SaysItKeepsTheStatusItRegisteredWith()
    {
        var service = Instances.UniqueService("health");
        await fixture.Client.RegisterAsync(service, "plain", status: "unhealthy");

        var health = await GetOkAsync($"/services/{service}/health");

        Assert.Equal(service, (string?)health["service"]);
        Assert.False((bool)health["checking"]!);
        var instance = health["instances"]!.AsArray().Single()!;
        Assert.Equal("plain", (string?)instance["id"]);
        Assert.Equal("unhealthy", (string?)instance["status"]);
        Assert.Equal("registered as unhealthy", (string?)instance["status_reason"]);
        Assert.False((bool)instance["checked"]!);
        Assert.Null(instance["probe"]);
        Assert.Empty(instance["recent_probes"]!.AsArray());
    }

    [Fact]
    public async Task Health_ProbedInstance_KeepsItsProbesWithLatency()
    {
        var service = Instances.UniqueService("health");
        var backend = await _backends.StartAsync("probed");
        await fixture.Client.RegisterAsync(service, "probed", port: backend.Port, extra: $$""","health_check_url":"http://127.0.0.1:{{backend.Port}}/health" """);

        // The grain's first health tick comes at once; its probe reports back within the second.
        JsonNode instance = null!;
        await Eventually.TrueAsync(
            async () =>
            {
                instance = (await GetOkAsync($"/services/{service}/health"))["instances"]!.AsArray().Single()!;
                return instance["recent_probes"]!.AsArray().Count > 0;
            },
            TimeSpan.FromSeconds(30),
            "a probe of the instance in its health");

        Assert.True((bool)instance["checked"]!);
        Assert.Equal("http", (string?)instance["probe"]);
        var probe = instance["recent_probes"]!.AsArray()[0]!;
        Assert.True((bool)probe["passed"]!);
        Assert.Equal("HTTP 200", (string?)probe["detail"]);
        Assert.InRange((double)probe["latency_ms"]!, 0, 5000);
        Assert.NotNull(probe["at"]);
    }

    [Fact]
    public async Task Health_UnknownService_AnswersNoInstances()
    {
        var health = await GetOkAsync($"/services/{Instances.UniqueService("nobody")}/health");

        Assert.Empty(health["instances"]!.AsArray());
        Assert.False((bool)health["checking"]!);
    }

    [Theory]
    [InlineData("/services/bad%20name/history")]
    [InlineData("/services/bad%20name/health")]
    [InlineData("/services/-leading-dash/health")]
    public async Task ViewReads_BadServiceName_Answer400NamingTheField(string path)
    {
        var (status, body, response) = await fixture.Client.GetJsonAsync(path);
        response.Dispose();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("name", (string?)body!["field"]);
    }

    [Theory]
    [InlineData("/services/{name}/history")]
    [InlineData("/services/{name}/health")]
    public async Task OpenApi_ViewReads_AreDescribedAndNeedNoKey(string path)
    {
        var document = await GetOkAsync("/openapi/v1.json");

        var operation = document["paths"]?[path]?["get"];
        Assert.True(operation is not null, $"GET {path} is in the document");
        Assert.False(string.IsNullOrEmpty((string?)operation["summary"]), "it has a summary");
        Assert.Null(operation["security"]);
        Assert.NotNull(operation["responses"]?["200"]);
        Assert.NotNull(operation["responses"]?["400"]);
    }

    [Fact]
    public async Task OpenApi_HealthDocument_UsesTheSnakeCaseWireNames()
    {
        var document = await GetOkAsync("/openapi/v1.json");

        var instance = document["components"]!["schemas"]!["InstanceHealthDocument"]!["properties"]!.AsObject();
        Assert.Contains("status_reason", instance.Select(p => p.Key));
        Assert.Contains("recent_probes", instance.Select(p => p.Key));
        var probe = document["components"]!["schemas"]!["ProbeRecordDocument"]!["properties"]!.AsObject();
        Assert.Equal(["at", "passed", "latency_ms", "detail"], probe.Select(p => p.Key));
    }

    [Fact]
    public async Task Sampler_ClockMovesAnInterval_TakesASampleOfEveryCopy()
    {
        var service = Instances.UniqueService("sampled");
        await fixture.Client.RegisterAsync(service, "a");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var history = new ServiceHistory();
        using var sampler = new ServiceHistorySampler(
            fixture.Services.GetRequiredService<SiloServiceCache>(), history, clock);

        await sampler.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => history.Of(service).Count == 1, TimeSpan.FromSeconds(10), "a sample when the sampler starts");
        clock.Advance(ServiceHistory.SampleInterval);
        await Eventually.TrueAsync(() => history.Of(service).Count == 2, TimeSpan.FromSeconds(10), "a second sample one interval later");
        await sampler.StopAsync(CancellationToken.None);

        var samples = history.Of(service);
        Assert.Equal(ServiceHistory.SampleInterval, samples[1].At - samples[0].At);
        Assert.All(samples, sample => Assert.Equal((1, 1), (sample.Healthy, sample.Total)));
    }

    private async Task<JsonNode> GetOkAsync(string path)
    {
        var (status, body, response) = await fixture.Client.GetJsonAsync(path);
        response.Dispose();
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {body?.ToJsonString()}");
        return body!;
    }
}
