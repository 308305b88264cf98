using Orleans.Core.Internal;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.Registry;

[Collection(RegistryClusterCollection.Name)]
public sealed class ServiceGrainTests(RegistryClusterFixture fixture)
{
    private IServiceGrain Service(string name) => fixture.GrainFactory.GetGrain<IServiceGrain>(name);

    [Fact]
    public async Task RegisterAsync_NewInstance_IsListedWithTimestamps()
    {
        var name = Instances.UniqueService("reg");
        var before = DateTimeOffset.UtcNow;

        var stored = await Service(name).RegisterAsync(Instances.Create(name, "i1", port: 9000));

        Assert.InRange(stored.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(stored.CreatedAt, stored.LastHeartbeat);
        var listed = Assert.Single(await Service(name).GetInstancesAsync());
        Assert.Equal(9000, listed.Port);
        Assert.Equal(stored.CreatedAt, (await Service(name).GetInstanceAsync("i1"))?.CreatedAt);
    }

    [Fact]
    public async Task RegisterAsync_HundredConcurrent_AllPresent()
    {
        var name = Instances.UniqueService("concurrent");
        var grain = Service(name);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => grain.RegisterAsync(Instances.Create(name, $"i{i}", port: 1000 + i))));

        var instances = await grain.GetInstancesAsync();
        Assert.Equal(100, instances.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"i{i}").Order(StringComparer.Ordinal), instances.Select(i => i.Id));
    }

    [Fact]
    public async Task DeregisterAsync_Twice_IsIdempotent()
    {
        var name = Instances.UniqueService("dereg");
        await Service(name).RegisterAsync(Instances.Create(name, "i1"));
        await Service(name).RegisterAsync(Instances.Create(name, "i2"));

        Assert.True(await Service(name).DeregisterAsync("i1"));
        Assert.False(await Service(name).DeregisterAsync("i1"));
        Assert.False(await Service(name).DeregisterAsync("never-there"));

        Assert.Equal(["i2"], (await Service(name).GetInstancesAsync()).Select(i => i.Id));
    }

    [Fact]
    public async Task GetHealthyInstancesAsync_MixedStatuses_ReturnsOnlyHealthy()
    {
        var name = Instances.UniqueService("healthy");
        await Service(name).RegisterAsync(Instances.Create(name, "up"));
        await Service(name).RegisterAsync(Instances.Create(name, "down", status: ServiceStatus.Unhealthy));
        await Service(name).RegisterAsync(Instances.Create(name, "boot", status: ServiceStatus.Starting));

        Assert.Equal(["up"], (await Service(name).GetHealthyInstancesAsync()).Select(i => i.Id));
    }

    [Fact]
    public async Task HeartbeatAsync_UnknownInstance_SaysNotRegistered()
    {
        var name = Instances.UniqueService("hb-unknown");

        Assert.Equal(HeartbeatResult.NotRegistered, await Service(name).HeartbeatAsync("ghost"));
        Assert.Empty(await Service(name).GetInstancesAsync());
    }

    [Fact]
    public async Task HeartbeatAsync_DoesNotChangeIndex()
    {
        var name = Instances.UniqueService("hb-index");
        await Service(name).RegisterAsync(Instances.Create(name, "i1"));
        var before = (await Service(name).GetSnapshotAsync()).Index;

        await Service(name).HeartbeatAsync("i1");

        Assert.Equal(before, (await Service(name).GetSnapshotAsync()).Index);
    }

    [Fact]
    public async Task Definition_PutThenGet_RoundTrips()
    {
        var name = Instances.UniqueService("def");
        var definition = Definitions.Create(name);

        Assert.Null(await Service(name).GetDefinitionAsync());
        await Service(name).PutDefinitionAsync(definition);

        var stored = await Service(name).GetDefinitionAsync();
        Assert.NotNull(stored);
        Assert.Equal("1.2.3", stored.Version);
        Assert.Equal("/users/{id}", stored.Endpoints[0].Path);
        Assert.Equal("id", stored.Endpoints[0].Parameters[0].Name);
        Assert.Equal(["auth"], stored.Dependencies);
        Assert.Equal("{\"pool\":5}", stored.Config["db"]);
    }

    [Fact]
    public async Task State_AfterDeactivation_IsReloadedFromStorage()
    {
        var name = Instances.UniqueService("persist");
        var stored = await Service(name).RegisterAsync(Instances.Create(name, "i1", port: 7777, weight: 3));
        await Service(name).PutDefinitionAsync(Definitions.Create(name));
        var index = (await Service(name).GetSnapshotAsync()).Index;

        await Service(name).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.TrueAsync(
            async () => (await fixture.GrainFactory.GetGrain<IManagementGrain>(0).GetGrainActivationCount((GrainReference)Service(name))) == 0,
            TimeSpan.FromSeconds(10),
            "the service grain to be deactivated");

        var reloaded = Assert.Single(await Service(name).GetInstancesAsync());
        Assert.Equal(7777, reloaded.Port);
        Assert.Equal("3", reloaded.Metadata["weight"]);
        Assert.Equal(stored.CreatedAt, reloaded.CreatedAt);
        Assert.NotNull(await Service(name).GetDefinitionAsync());
        Assert.Equal(index, (await Service(name).GetSnapshotAsync()).Index);
    }

    public static TheoryData<string, ServiceInstance> InvalidInstances()
    {
        const string s = "svc";
        var ok = Instances.Create(s, "i1");
        return new TheoryData<string, ServiceInstance>
        {
            { "id", ok with { Id = "" } },
            { "id", ok with { Id = "-starts-with-dash" } },
            { "id", ok with { Id = "has space" } },
            { "id", ok with { Id = new string('a', 129) } },
            { "host", ok with { Host = "" } },
            { "host", ok with { Host = "bad host" } },
            { "host", ok with { Host = "999.1.1.1" } },
            { "port", ok with { Port = 0 } },
            { "port", ok with { Port = 65536 } },
            { "status", ok with { Status = (ServiceStatus)42 } },
            { "health_check_url", ok with { HealthCheckUrl = "ftp://127.0.0.1/health" } },
            { "health_check_url", ok with { HealthCheckUrl = "/relative" } },
            { "health_check_url", ok with { HealthCheckUrl = "http://169.254.169.254/latest/meta-data" } },
            { "metadata.weight", ok with { Metadata = new Dictionary<string, string> { ["weight"] = "0" } } },
            { "metadata.weight", ok with { Metadata = new Dictionary<string, string> { ["weight"] = "1001" } } },
            { "metadata.weight", ok with { Metadata = new Dictionary<string, string> { ["weight"] = "heavy" } } },
            { "metadata", ok with { Metadata = Enumerable.Range(0, 65).ToDictionary(i => $"k{i}", i => "v") } },
            { "metadata", ok with { Metadata = new Dictionary<string, string> { [new string('k', 129)] = "v" } } },
            { "metadata.k", ok with { Metadata = new Dictionary<string, string> { ["k"] = new string('v', 1025) } } },
            { "service_name", ok with { ServiceName = "other-service" } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidInstances))]
    public async Task RegisterAsync_InvalidInstance_ThrowsNamingFieldAndStoresNothing(string field, ServiceInstance instance)
    {
        var name = Instances.UniqueService("invalid");
        var grain = Service(name);
        await grain.RegisterAsync(Instances.Create(name, "existing"));
        var before = await grain.GetSnapshotAsync();

        var error = await Assert.ThrowsAsync<RegistryValidationException>(() => grain.RegisterAsync(instance with { ServiceName = instance.ServiceName == "svc" ? name : instance.ServiceName }));

        Assert.Equal(field, error.Field);
        var after = await grain.GetSnapshotAsync();
        Assert.Equal(before.Index, after.Index);
        Assert.Equal(["existing"], after.Instances.Select(i => i.Id));
    }

    [Fact]
    public async Task PutDefinitionAsync_NameMismatch_ThrowsAndStoresNothing()
    {
        var name = Instances.UniqueService("def-bad");

        var error = await Assert.ThrowsAsync<RegistryValidationException>(() => Service(name).PutDefinitionAsync(Definitions.Create("someone-else")));

        Assert.Equal("name", error.Field);
        Assert.Null(await Service(name).GetDefinitionAsync());
    }

    [Fact]
    public async Task GetInstanceAsync_InvalidId_Throws()
    {
        var error = await Assert.ThrowsAsync<RegistryValidationException>(() => Service("valid-name").GetInstanceAsync("bad id"));
        Assert.Equal("id", error.Field);
    }
}
