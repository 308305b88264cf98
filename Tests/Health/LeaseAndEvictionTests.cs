using System.Diagnostics;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using static OrleansRegistry.Tests.Health.HealthSteps;

namespace OrleansRegistry.Tests.Health;

/// <summary>TTL leases, eviction, panic and a slow probe in a cluster whose grains run on a fake clock.</summary>
[Collection(FakeClockHealthClusterCollection.Name)]
public sealed class LeaseAndEvictionTests(FakeClockHealthClusterFixture fixture)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private IServiceGrain Service(string name) => fixture.GrainFactory.GetGrain<IServiceGrain>(name);

    [Fact]
    public async Task Ttl_NoHeartbeat_TurnsUnhealthyAndAHeartbeatRestoresIt()
    {
        var name = Instances.UniqueService("ttl");
        await RegisterWithTwoPlainAsync(name, Leased("lease"));
        await WarmEverySiloAsync(fixture.Cluster, name);

        await fixture.AdvanceAsync(name, TimeSpan.FromSeconds(20));
        Assert.Equal(ServiceStatus.Healthy, (await InstanceAsync(fixture.GrainFactory, name, "lease")).Status);

        await fixture.AdvanceAsync(name, TimeSpan.FromSeconds(20));
        Assert.Equal(ServiceStatus.Unhealthy, (await InstanceAsync(fixture.GrainFactory, name, "lease")).Status);
        Assert.All(fixture.Cluster.Silos, silo => Assert.DoesNotContain("lease", Selectable(fixture.Cluster, silo, name)));

        Assert.Equal(HeartbeatResult.Renewed, await Service(name).HeartbeatAsync("lease"));

        // The heartbeat's status change was committed and pushed before the call returned.
        Assert.Equal(ServiceStatus.Healthy, (await InstanceAsync(fixture.GrainFactory, name, "lease")).Status);
        Assert.All(fixture.Cluster.Silos, silo => Assert.Contains("lease", Selectable(fixture.Cluster, silo, name)));
    }

    [Fact]
    public async Task Heartbeat_OnlyTheOneEndingAnExpiredLease_WritesStorage()
    {
        var name = Instances.UniqueService("ttl-writes");
        var grainId = Service(name).GetGrainId();
        await RegisterWithTwoPlainAsync(name, Leased("lease"));
        var writes = fixture.Cluster.Store.Writes("service", grainId);

        for (var i = 0; i < 10; i++)
        {
            await Service(name).HeartbeatAsync("lease");
        }

        Assert.Equal(writes, fixture.Cluster.Store.Writes("service", grainId));

        await fixture.AdvanceAsync(name, Ttl + TimeSpan.FromSeconds(5));
        Assert.Equal(ServiceStatus.Unhealthy, (await InstanceAsync(fixture.GrainFactory, name, "lease")).Status);
        var afterExpiry = fixture.Cluster.Store.Writes("service", grainId);
        Assert.Equal(writes + 1, afterExpiry);

        await Service(name).HeartbeatAsync("lease");
        await Service(name).HeartbeatAsync("lease");

        Assert.Equal(afterExpiry + 1, fixture.Cluster.Store.Writes("service", grainId));
    }

    [Fact]
    public async Task Ttl_AfterReactivationWithOldHeartbeats_GetsOneTtlOfGrace()
    {
        var name = Instances.UniqueService("ttl-grace");
        await RegisterWithTwoPlainAsync(name, Leased("lease"));
        await Service(name).HeartbeatAsync("lease");

        // Heartbeats are not stored: after the grain moves, the stored one is as old as the registration.
        await fixture.Cluster.Cluster.DeactivateAsync(Service(name));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        await fixture.AdvanceAsync(name, TimeSpan.FromSeconds(10));
        Assert.Equal(ServiceStatus.Healthy, (await InstanceAsync(fixture.GrainFactory, name, "lease")).Status);

        await fixture.AdvanceAsync(name, Ttl + TimeSpan.FromSeconds(5));
        Assert.Equal(ServiceStatus.Unhealthy, (await InstanceAsync(fixture.GrainFactory, name, "lease")).Status);
    }

    [Fact]
    public async Task Eviction_UnhealthyLongerThanDeregisterAfter_RemovesItAndDropsTheReminder()
    {
        var name = Instances.UniqueService("evict");
        var grainId = Service(name).GetGrainId();
        await RegisterWithTwoPlainAsync(name, Leased("doomed"));
        Assert.Single((await fixture.Cluster.Reminders.ReadRows(grainId)).Reminders);

        await fixture.AdvanceAsync(name, Ttl + TimeSpan.FromSeconds(5));
        Assert.Equal(ServiceStatus.Unhealthy, (await InstanceAsync(fixture.GrainFactory, name, "doomed")).Status);

        await fixture.AdvanceAsync(name, FakeClockHealthClusterFixture.Options.DeregisterAfter - TimeSpan.FromSeconds(15));
        Assert.NotNull(await Service(name).GetInstanceAsync("doomed"));

        await fixture.AdvanceAsync(name, TimeSpan.FromSeconds(20));

        Assert.Null(await Service(name).GetInstanceAsync("doomed"));
        Assert.Equal(["plain-1", "plain-2"], (await Service(name).GetInstancesAsync()).Select(i => i.Id));
        Assert.Empty((await fixture.Cluster.Reminders.ReadRows(grainId)).Reminders);
    }

    [Fact]
    public async Task Eviction_WhileInPanic_IsPausedUntilThePanicEnds()
    {
        var name = Instances.UniqueService("evict-panic");
        await Service(name).RegisterAsync(Leased("lonely") with { ServiceName = name });

        await fixture.AdvanceAsync(name, Ttl + TimeSpan.FromSeconds(5));
        var lonely = await InstanceAsync(fixture.GrainFactory, name, "lonely");
        Assert.Equal(ServiceStatus.Unhealthy, lonely.Status);
        Assert.True(lonely.Panic);
        Assert.True(lonely.IsSelectable);

        await fixture.AdvanceAsync(name, FakeClockHealthClusterFixture.Options.DeregisterAfter * 3);
        Assert.True((await InstanceAsync(fixture.GrainFactory, name, "lonely")).Panic);

        await Service(name).RegisterAsync(Instances.Create(name, "fresh"));
        await fixture.AdvanceAsync(name, TimeSpan.FromSeconds(10));

        Assert.Equal(["fresh"], (await Service(name).GetInstancesAsync()).Select(i => i.Id));
    }

    [Fact]
    public async Task Probe_SlowBackend_DoesNotHoldTheServiceGrain()
    {
        var name = Instances.UniqueService("slow");
        var path = PathOf(name, "slowpoke");
        fixture.Backend.Set(path, BackendMode.Slow);

        // Checking starts with a round at once. The clock is not moved: the probe's time limit runs on it.
        await RegisterWithTwoPlainAsync(name, Probed(fixture.Backend, name, "slowpoke"));
        await Eventually.TrueAsync(() => Task.FromResult(fixture.Backend.InFlight(path) == 1), TimeSpan.FromSeconds(10), "a probe waiting on the slow backend");

        var clock = Stopwatch.StartNew();
        await Service(name).RegisterAsync(Instances.Create(name, "joiner"));
        var register = clock.Elapsed;
        await Service(name).HeartbeatAsync("plain-1");
        var heartbeat = clock.Elapsed - register;
        var instances = await Service(name).GetInstancesAsync();
        var read = clock.Elapsed - register - heartbeat;

        Assert.Equal(1, fixture.Backend.InFlight(path));
        Assert.Equal(4, instances.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"register {register}, heartbeat {heartbeat}, read {read} during a 3 s probe");
    }

    private static ServiceInstance Leased(string id) =>
        Instances.Create("unused", id) with { Check = new InstanceCheck(Ttl: Ttl) };

    private async Task RegisterWithTwoPlainAsync(string name, ServiceInstance checkedInstance)
    {
        await Service(name).RegisterAsync(checkedInstance with { ServiceName = name });
        await Service(name).RegisterAsync(Instances.Create(name, "plain-1"));
        await Service(name).RegisterAsync(Instances.Create(name, "plain-2"));
    }
}
