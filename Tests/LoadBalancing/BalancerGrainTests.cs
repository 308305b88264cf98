using System.Diagnostics;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.LoadBalancing;

[Collection(RegistryClusterCollection.Name)]
public sealed class BalancerGrainTests(RegistryClusterFixture fixture)
{
    private static readonly TimeSpan StalenessBound = TimeSpan.FromMilliseconds(100);

    private IServiceGrain Service(string name) => fixture.GrainFactory.GetGrain<IServiceGrain>(name);

    [Fact]
    public async Task SelectAsync_UnknownService_ReturnsNull()
    {
        Assert.Null(await fixture.GrainFactory.GetGrain<IBalancerGrain>(0).SelectAsync(Instances.UniqueService("none"), LoadBalancingStrategy.RoundRobin));
    }

    [Fact]
    public async Task SelectAsync_OnlyHealthyInstances_AreEverPicked()
    {
        var name = Instances.UniqueService("sel");
        await Service(name).RegisterAsync(Instances.Create(name, "up"));
        await Service(name).RegisterAsync(Instances.Create(name, "down", status: ServiceStatus.Unhealthy));
        await Service(name).RegisterAsync(Instances.Create(name, "stopping", status: ServiceStatus.Stopping));

        foreach (var factory in fixture.SiloGrainFactories)
        {
            foreach (var strategy in Enum.GetValues<LoadBalancingStrategy>())
            {
                for (var i = 0; i < 5; i++)
                {
                    var selection = await factory.GetGrain<IBalancerGrain>(0).SelectAsync(name, strategy);
                    Assert.Equal("up", selection?.Instance.Id);
                }
            }
        }
    }

    [Fact]
    public async Task SelectAsync_WeightedOnEachSilo_FollowsWeights()
    {
        var name = Instances.UniqueService("weighted");
        await Service(name).RegisterAsync(Instances.Create(name, "a", weight: 5));
        await Service(name).RegisterAsync(Instances.Create(name, "b", weight: 1));
        await Service(name).RegisterAsync(Instances.Create(name, "c", weight: 1));

        foreach (var factory in fixture.SiloGrainFactories)
        {
            var balancer = factory.GetGrain<IBalancerGrain>(0);
            var picks = new List<string>();
            for (var i = 0; i < 70; i++)
            {
                picks.Add((await balancer.SelectAsync(name, LoadBalancingStrategy.WeightedRoundRobin))!.Instance.Id);
            }

            Assert.Equal(50, picks.Count(p => p == "a"));
            Assert.Equal(10, picks.Count(p => p == "b"));
            Assert.Equal(10, picks.Count(p => p == "c"));
        }
    }

    [Fact]
    public async Task SelectAsync_LeastConnections_ReturnsReleasableLease()
    {
        var name = Instances.UniqueService("lc");
        await Service(name).RegisterAsync(Instances.Create(name, "a"));
        await Service(name).RegisterAsync(Instances.Create(name, "b"));
        var siloFactory = fixture.SiloGrainFactories[0];
        var balancer = siloFactory.GetGrain<IBalancerGrain>(0);

        var first = await balancer.SelectAsync(name, LoadBalancingStrategy.LeastConnections);
        var second = await balancer.SelectAsync(name, LoadBalancingStrategy.LeastConnections);
        Assert.NotNull(first?.Lease);
        Assert.NotNull(second?.Lease);
        Assert.NotEqual(first.Instance.Id, second.Instance.Id);

        // Released through the other silo: the release must still reach the silo that counted the lease.
        await fixture.SiloGrainFactories[1].GetGrain<IBalancerGrain>(0).ReleaseAsync(first.Lease);

        var third = await balancer.SelectAsync(name, LoadBalancingStrategy.LeastConnections);
        Assert.Equal(first.Instance.Id, third?.Instance.Id);
    }

    [Fact]
    public async Task SelectAsync_ThroughTheClient_AfterTheInstanceChanged_ReturnsTheChangedInstance()
    {
        // The client reuses instances it decoded before; a changed instance must never come back as the old one.
        var name = Instances.UniqueService("changed");
        var balancer = fixture.GrainFactory.GetGrain<IBalancerGrain>(0);
        await Service(name).RegisterAsync(Instances.Create(name, "a", port: 7001));
        Assert.Equal(7001, (await balancer.SelectAsync(name, LoadBalancingStrategy.RoundRobin))!.Instance.Port);

        await Service(name).RegisterAsync(Instances.Create(name, "a", port: 7002, weight: 5));

        var after = await balancer.SelectAsync(name, LoadBalancingStrategy.RoundRobin);
        Assert.Equal(7002, after!.Instance.Port);
        Assert.Equal("5", after.Instance.Metadata[ServiceInstance.WeightKey]);
    }

    [Fact]
    public async Task SelectAsync_RoundRobin_HasNoLease()
    {
        var name = Instances.UniqueService("rr");
        await Service(name).RegisterAsync(Instances.Create(name, "a"));

        var selection = await fixture.GrainFactory.GetGrain<IBalancerGrain>(0).SelectAsync(name, LoadBalancingStrategy.RoundRobin);

        Assert.Null(selection?.Lease);
    }

    [Fact]
    public async Task SelectAsync_InvalidServiceName_Throws()
    {
        var error = await Assert.ThrowsAsync<RegistryValidationException>(() => fixture.GrainFactory.GetGrain<IBalancerGrain>(0).SelectAsync("bad name", LoadBalancingStrategy.RoundRobin));
        Assert.Equal("service_name", error.Field);
    }

    [Fact]
    public async Task SelectAsync_AfterDeregistration_NoSiloPicksRemovedInstanceAfter100ms()
    {
        var name = Instances.UniqueService("stale-dereg");
        await Service(name).RegisterAsync(Instances.Create(name, "keep-1"));
        await Service(name).RegisterAsync(Instances.Create(name, "keep-2"));
        await Service(name).RegisterAsync(Instances.Create(name, "gone"));
        await WarmEverySiloAsync(name);

        await Service(name).DeregisterAsync("gone");

        await AssertNoSiloPicksAfterBoundAsync(name, "gone");
    }

    [Fact]
    public async Task SelectAsync_AfterTurningUnhealthy_NoSiloPicksItAfter100ms()
    {
        var name = Instances.UniqueService("stale-unhealthy");
        await Service(name).RegisterAsync(Instances.Create(name, "keep"));
        await Service(name).RegisterAsync(Instances.Create(name, "sick"));
        await WarmEverySiloAsync(name);

        await Service(name).RegisterAsync(Instances.Create(name, "sick", status: ServiceStatus.Unhealthy));

        await AssertNoSiloPicksAfterBoundAsync(name, "sick");
    }

    [Fact]
    public async Task SelectAsync_SiloThatNeverSawService_LoadsItOnce()
    {
        // Never registered: no push ever reached a silo, so each silo's first pick must load it.
        // A pause of a silo (a scheduling stall of this loaded machine counts) makes its copies load
        // again, once per pause: allowed for, so the test counts the loads the picks made.
        var name = Instances.UniqueService("cold");
        var factories = fixture.SiloGrainFactories;
        var pausesBefore = fixture.SiloGates.Sum(gate => gate.Pauses);

        foreach (var factory in factories)
        {
            var balancer = factory.GetGrain<IBalancerGrain>(0);
            var picks = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => balancer.SelectAsync(name, LoadBalancingStrategy.RoundRobin)));
            Assert.All(picks, Assert.Null);
            Assert.Null(await balancer.SelectAsync(name, LoadBalancingStrategy.Random));
        }

        Assert.InRange(SnapshotLoadCounter.LoadsOf(name), factories.Count, factories.Count + PausesSince(pausesBefore));

        // From now on pushes keep every silo's copy current: picks load nothing more.
        var loadsBefore = SnapshotLoadCounter.LoadsOf(name);
        pausesBefore = fixture.SiloGates.Sum(gate => gate.Pauses);
        await Service(name).RegisterAsync(Instances.Create(name, "a"));
        foreach (var factory in factories)
        {
            Assert.Equal("a", (await factory.GetGrain<IBalancerGrain>(0).SelectAsync(name, LoadBalancingStrategy.RoundRobin))?.Instance.Id);
        }

        Assert.InRange(SnapshotLoadCounter.LoadsOf(name), loadsBefore, loadsBefore + PausesSince(pausesBefore));
    }

    private int PausesSince(long before) => (int)(fixture.SiloGates.Sum(gate => gate.Pauses) - before);

    private async Task WarmEverySiloAsync(string name)
    {
        foreach (var factory in fixture.SiloGrainFactories)
        {
            Assert.NotNull(await factory.GetGrain<IBalancerGrain>(0).SelectAsync(name, LoadBalancingStrategy.RoundRobin));
        }
    }

    /// <summary>Picks on every silo for a while; any pick begun later than the bound must not return the instance.</summary>
    private async Task AssertNoSiloPicksAfterBoundAsync(string name, string removedId)
    {
        var sinceChange = Stopwatch.StartNew();
        var factories = fixture.SiloGrainFactories;
        var picksAfterBound = 0;
        while (sinceChange.Elapsed < TimeSpan.FromMilliseconds(400))
        {
            foreach (var factory in factories)
            {
                foreach (var strategy in Enum.GetValues<LoadBalancingStrategy>())
                {
                    var startedAt = sinceChange.Elapsed;
                    var selection = await factory.GetGrain<IBalancerGrain>(0).SelectAsync(name, strategy);
                    if (startedAt > StalenessBound)
                    {
                        picksAfterBound++;
                        Assert.NotEqual(removedId, selection?.Instance.Id);
                    }
                }
            }
        }

        Assert.True(picksAfterBound > 0, "the check must have picked after the bound");
    }
}
