using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using static OrleansRegistry.Tests.Health.HealthSteps;

namespace OrleansRegistry.Tests.Health;

/// <summary>check.deregister_after and maintenance against eviction, on the fake-clock cluster (DeregisterAfter 1 min there).</summary>
[Collection(FakeClockHealthClusterCollection.Name)]
public sealed class PerInstanceEvictionTests(FakeClockHealthClusterFixture fixture)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private IServiceGrain Service(string name) => fixture.GrainFactory.GetGrain<IServiceGrain>(name);

    [Fact]
    public async Task Eviction_InstanceDeregisterAfterLongerThanTheSilos_WaitsForTheInstancesOwn()
    {
        var name = Instances.UniqueService("evict-own");
        var own = TimeSpan.FromMinutes(3);
        await RegisterWithTwoPlainAsync(name, Leased("patient", deregisterAfter: own), Leased("default"));

        await fixture.AdvanceAsync(name, Ttl + TimeSpan.FromSeconds(5));
        Assert.Equal(ServiceStatus.Unhealthy, (await InstanceAsync(fixture.GrainFactory, name, "patient")).Status);

        await fixture.AdvanceAsync(name, FakeClockHealthClusterFixture.Options.DeregisterAfter + TimeSpan.FromSeconds(10));
        Assert.Null(await Service(name).GetInstanceAsync("default"));
        Assert.NotNull(await Service(name).GetInstanceAsync("patient"));

        await fixture.AdvanceAsync(name, own - FakeClockHealthClusterFixture.Options.DeregisterAfter - TimeSpan.FromSeconds(30));
        Assert.NotNull(await Service(name).GetInstanceAsync("patient"));

        await fixture.AdvanceAsync(name, TimeSpan.FromSeconds(40));
        Assert.Null(await Service(name).GetInstanceAsync("patient"));
    }

    [Fact]
    public async Task Eviction_InstanceInMaintenance_KeepsItRegisteredAndProbedWithItsStatus()
    {
        var name = Instances.UniqueService("evict-maint");
        await RegisterWithTwoPlainAsync(name, Leased("held"));
        Assert.True(await Service(name).EnterMaintenanceAsync("held", "kernel upgrade"));

        await fixture.AdvanceAsync(name, Ttl + TimeSpan.FromSeconds(5));
        var held = await InstanceAsync(fixture.GrainFactory, name, "held");
        Assert.Equal(ServiceStatus.Unhealthy, held.Status);
        Assert.False(held.Panic);

        await fixture.AdvanceAsync(name, FakeClockHealthClusterFixture.Options.DeregisterAfter * 3);
        Assert.NotNull(await Service(name).GetInstanceAsync("held"));

        // Status is still the checker's: a heartbeat renews the lease while the instance stays out of rotation.
        await Service(name).HeartbeatAsync("held");
        held = await InstanceAsync(fixture.GrainFactory, name, "held");
        Assert.Equal(ServiceStatus.Healthy, held.Status);
        Assert.Equal("kernel upgrade", held.Maintenance?.Reason);
        Assert.All(fixture.Cluster.Silos, silo => Assert.DoesNotContain("held", Selectable(fixture.Cluster, silo, name)));
    }

    private static ServiceInstance Leased(string id, TimeSpan? deregisterAfter = null) =>
        Instances.Create("unused", id) with { Check = new InstanceCheck(Ttl: Ttl, DeregisterAfter: deregisterAfter) };

    private async Task RegisterWithTwoPlainAsync(string name, params ServiceInstance[] checkedInstances)
    {
        foreach (var instance in checkedInstances)
        {
            await Service(name).RegisterAsync(instance with { ServiceName = name });
        }

        await Service(name).RegisterAsync(Instances.Create(name, "plain-1"));
        await Service(name).RegisterAsync(Instances.Create(name, "plain-2"));
    }
}
