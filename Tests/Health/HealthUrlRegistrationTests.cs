using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.Health;

/// <summary>The SSRF rule at registration, applied by the service grain with the silo's AllowedHosts ("localhost").</summary>
[Collection(HealthClusterCollection.Name)]
public sealed class HealthUrlRegistrationTests(HealthClusterFixture fixture)
{
    private IServiceGrain Service(string name) => fixture.GrainFactory.GetGrain<IServiceGrain>(name);

    [Theory]
    [InlineData("http://10.9.9.9:8080/health")]
    [InlineData("http://internal-admin.example/health")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[fe80::1]/health")]
    public async Task RegisterAsync_HealthUrlOffTheInstanceHost_IsRefusedAndNothingStored(string url)
    {
        var name = Instances.UniqueService("ssrf");

        var error = await Assert.ThrowsAsync<RegistryValidationException>(() =>
            Service(name).RegisterAsync(Instances.Create(name, "i1", host: "127.0.0.1", healthCheckUrl: url)));

        Assert.Equal("health_check_url", error.Field);
        Assert.Empty(await Service(name).GetInstancesAsync());
    }

    [Fact]
    public async Task RegisterAsync_HealthUrlOnAnAllowedHost_IsAcceptedAndProbed()
    {
        var name = Instances.UniqueService("allowed");
        var url = $"http://localhost:{fixture.Backend.Port}/health/{name}";

        await Service(name).RegisterAsync(Instances.Create(name, "i1", host: "127.0.0.1", healthCheckUrl: url));

        await Eventually.TrueAsync(() => Task.FromResult(fixture.Backend.Hits(name) > 0), TimeSpan.FromSeconds(10), "the allowed health URL to be probed");
        await Service(name).DeregisterAsync("i1");
    }

    [Fact]
    public async Task RegisterAsync_HealthUrlOnOwnHost_IsAccepted()
    {
        var name = Instances.UniqueService("own");

        var stored = await Service(name).RegisterAsync(Instances.Create(name, "i1", host: "127.0.0.9", healthCheckUrl: "http://127.0.0.9:8080/health"));

        Assert.Equal("http://127.0.0.9:8080/health", stored.HealthCheckUrl);
        await Service(name).DeregisterAsync("i1");
    }
}
