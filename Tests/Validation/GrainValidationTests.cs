using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.Validation;

/// <summary>The grain API refuses hostile input with <see cref="RegistryValidationException"/> naming the field, and stores nothing.</summary>
[Collection(RegistryClusterCollection.Name)]
public sealed class GrainValidationTests(RegistryClusterFixture fixture)
{
    [Theory]
    [InlineData("weight", "5\0", "metadata.weight")]
    [InlineData("weight", "5 ", "metadata.weight")]
    [InlineData("zone", "a\tb", "metadata.zone")]
    [InlineData("zone\n", "a", "metadata")]
    public async Task RegisterAsync_HostileMetadata_IsRefusedNamingTheFieldAndNothingStored(string key, string value, string field)
    {
        var name = Instances.UniqueService("hostile");
        var instance = Instances.Create(name, "i1") with { Metadata = new Dictionary<string, string> { [key] = value } };

        var error = await Assert.ThrowsAsync<RegistryValidationException>(() => Service(name).RegisterAsync(instance));

        Assert.Equal(field, error.Field);
        Assert.Empty(await Service(name).GetInstancesAsync());
    }

    [Theory]
    [InlineData("host", "10.0.0.7\r\nX-Injected: 1", null)]
    [InlineData("health_check_url", "10.0.0.7", "http://10.0.0.7/health\r\nX-Injected: 1")]
    [InlineData("health_check_url", "10.0.0.7", "http://10.0.0.7/health%0d%0a")]
    [InlineData("health_check_url", "169.254.169.254", "http://169.254.169.254./latest")]
    [InlineData("health_check_url", "169.254.169.254", "http://0xa9fea9fe./latest")]
    [InlineData("health_check_url", "169.254.169.254", "http://2852039166/latest")]
    [InlineData("health_check_url", "169.254.169.254", "http://[::ffff:169.254.169.254]/latest")]
    [InlineData("health_check_url", "100.100.100.200", "http://100.100.100.200./latest")]
    public async Task RegisterAsync_HostileHostOrHealthUrl_IsRefusedNamingTheFieldAndNothingStored(string field, string host, string? url)
    {
        var name = Instances.UniqueService("hostile");

        var error = await Assert.ThrowsAsync<RegistryValidationException>(() =>
            Service(name).RegisterAsync(Instances.Create(name, "i1", host: host, healthCheckUrl: url)));

        Assert.Equal(field, error.Field);
        Assert.Empty(await Service(name).GetInstancesAsync());
    }

    [Theory]
    [InlineData("10.0.0.7", "http://0x0a000007:9000/health")]
    [InlineData("10.0.0.7", "http://[::ffff:10.0.0.7]:9000/health")]
    [InlineData("api.internal.", "http://API.Internal:9000/health")]
    public async Task RegisterAsync_HealthUrlOnAnotherSpellingOfTheInstanceHost_IsStoredAsSent(string host, string url)
    {
        var name = Instances.UniqueService("spelling");

        var stored = await Service(name).RegisterAsync(Instances.Create(name, "i1", host: host, healthCheckUrl: url));

        Assert.Equal(url, stored.HealthCheckUrl);
        await Service(name).DeregisterAsync("i1");
    }

    [Fact]
    public async Task HeartbeatAndDeregister_IdWithANul_AreRefusedNamingTheId()
    {
        var name = Instances.UniqueService("hostile");

        var heartbeat = await Assert.ThrowsAsync<RegistryValidationException>(() => Service(name).HeartbeatAsync("i1\0"));
        var deregister = await Assert.ThrowsAsync<RegistryValidationException>(() => Service(name).DeregisterAsync("i1\0"));

        Assert.Equal("id", heartbeat.Field);
        Assert.Equal("id", deregister.Field);
    }

    [Fact]
    public async Task PutDefinitionAsync_DescriptionWithALineBreak_IsRefusedAndNothingStored()
    {
        var name = Instances.UniqueService("hostile");
        var definition = Definitions.Create(name) with { Description = "line one\nline two" };

        var error = await Assert.ThrowsAsync<RegistryValidationException>(() => Service(name).PutDefinitionAsync(definition));

        Assert.Equal("description", error.Field);
        Assert.Null(await Service(name).GetDefinitionAsync());
    }

    private IServiceGrain Service(string name) => fixture.GrainFactory.GetGrain<IServiceGrain>(name);
}
