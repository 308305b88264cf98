using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;
using OrleansRegistry.Silo.Http;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

[Collection(RegistryHttpCollection.Name)]
public sealed class ProbeEndpointsTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Healthz_ProcessAlive_Returns200()
    {
        using var response = await fixture.Client.GetAsync(RegistryHttp.Relative("/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_SiloActiveAndStorageAnswers_Returns200()
    {
        using var response = await fixture.Client.GetAsync(RegistryHttp.Relative("/readyz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_ACheckFails_Returns503ProblemSayingWhy()
    {
        await using var app = await StartWithReadinessCheckAsync(() => HealthCheckResult.Unhealthy("Storage 'registry' did not answer within 2 s."));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var ready = await client.GetAsync(RegistryHttp.Relative("/readyz"));
        using var live = await client.GetAsync(RegistryHttp.Relative("/healthz"));

        var problem = await RegistryHttp.AssertProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("did not answer", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task MembershipCheck_FixtureSilo_IsHealthy()
    {
        var check = new MembershipHealthCheck(
            fixture.Services.GetRequiredService<OrleansRegistry.Caching.SiloServingGate>(),
            fixture.Services.GetRequiredService<IClusterMembershipService>(),
            fixture.Services.GetRequiredService<ILocalSiloDetails>());

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task StorageCheck_RealStorage_IsHealthy()
    {
        var check = new StorageHealthCheck(fixture.Services.GetRequiredKeyedService<IGrainStorage>(OrleansRegistry.Storage.RegistryStorage.Name));

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task StorageCheck_StorageThrows_IsUnhealthyNamingTheStorage()
    {
        var check = new StorageHealthCheck(new FailingStorage(Task.FromException(new IOException("disk gone"))));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("registry", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageCheck_StorageHangs_IsUnhealthyAfterTheTimeout()
    {
        var never = new TaskCompletionSource();
        var check = new StorageHealthCheck(new FailingStorage(never.Task));

        var result = await check.CheckHealthAsync(new HealthCheckContext()).WaitAsync(StorageHealthCheck.Timeout * 5);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("did not answer", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithoutKeys_LogsThatWritesAreOpen()
    {
        Assert.Contains(fixture.Logs.Entries, entry => entry.EventId.Id == 4000 && entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    /// <summary>The probe endpoints alone, on Kestrel, with one readiness check whose answer the test chooses.</summary>
    private static async Task<WebApplication> StartWithReadinessCheckAsync(Func<HealthCheckResult> readiness)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck("chosen", readiness, tags: [ProbeEndpoints.ReadyTag]);
        var app = builder.Build();
        app.MapProbeEndpoints();
        await app.StartAsync();
        return app;
    }

    private sealed class FailingStorage(Task outcome) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => outcome;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => outcome;

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => outcome;
    }
}
