using Microsoft.Extensions.Time.Testing;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Picking;

[Collection(RegistryClientCollection.Name)]
public sealed class InstanceSelectorTests(RegistryHttpFixture fixture)
{
    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task AcquireAsync_LocalWeightedRoundRobin_FollowsWeights(ClientTransport transport)
    {
        var name = await RegisterAsync("pick-weighted", ("heavy", 3), ("light", 1));
        await using var host = RegistryClientHost.Create(fixture, transport);

        var picks = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            await using var lease = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.WeightedRoundRobin);
            picks.Add(lease.Instance.Id);
        }

        Assert.Equal(6, picks.Count(id => id == "heavy"));
        Assert.Equal(2, picks.Count(id => id == "light"));
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task AcquireAsync_LocalLeastConnections_CountsLeaseUntilDisposed(ClientTransport transport)
    {
        var name = await RegisterAsync("pick-least", ("a", 1), ("b", 1));
        await using var host = RegistryClientHost.Create(fixture, transport);

        var first = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.LeastConnections);
        await using var second = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.LeastConnections);
        Assert.NotEqual(first.Instance.Id, second.Instance.Id);
        Assert.Equal(2, host.Selector.OpenLeases);

        await first.DisposeAsync();
        await first.DisposeAsync();
        await using var third = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.LeastConnections);

        Assert.Equal(first.Instance.Id, third.Instance.Id);
        Assert.Equal(2, host.Selector.OpenLeases);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task AcquireAsync_AvoidedInstance_PicksAnotherWhileOneIsLeft(ClientTransport transport)
    {
        var name = await RegisterAsync("pick-avoid", ("a", 1), ("b", 1));
        await using var host = RegistryClientHost.Create(fixture, transport);

        for (var i = 0; i < 4; i++)
        {
            await using var lease = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.RoundRobin, ["a"]);
            Assert.Equal("b", lease.Instance.Id);
        }

        await using var onlyTried = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.RoundRobin, ["a", "b"]);
        Assert.True(onlyTried.Instance.Id is "a" or "b");
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task AcquireAsync_LocalLeaseNeverReturned_ExpiresAfterLeaseDuration(ClientTransport transport)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var name = await RegisterAsync("pick-expiry", ("a", 1), ("b", 1));
        await using var host = RegistryClientHost.Create(fixture, transport, options => options.LeaseDuration = TimeSpan.FromSeconds(60), time);
        var forgotten = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.LeastConnections);
        Assert.True(host.Cache.TryGetEntry(name, out var entry));
        Assert.Equal(1, entry.OpenLeaseCount);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, entry.OpenLeaseCount);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, entry.OpenLeaseCount);

        // Returning it late is harmless.
        await forgotten.DisposeAsync();
        Assert.Equal(0, entry.OpenLeaseCount);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task AcquireAsync_BalancerAskedForOneCall_PicksThroughGrainAndReturnsLease(ClientTransport transport)
    {
        var name = await RegisterAsync("pick-balancer", ("a", 1), ("b", 1));
        await using var host = RegistryClientHost.Create(fixture, transport);

        var first = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.LeastConnections, selection: SelectionMode.Balancer);
        var second = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.LeastConnections, selection: SelectionMode.Balancer);

        // The silos count these leases; a local pick would have opened them in the client's cache.
        Assert.NotEqual(first.Instance.Id, second.Instance.Id);
        Assert.Equal(2, host.Selector.OpenLeases);
        Assert.False(host.Cache.TryGetEntry(name, out var local) && local.OpenLeaseCount > 0);

        await first.DisposeAsync();
        await second.DisposeAsync();
        Assert.Equal(0, host.Selector.OpenLeases);
    }

    private async Task<string> RegisterAsync(string prefix, params (string Id, int Weight)[] instances)
    {
        var name = Instances.UniqueService(prefix);
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        foreach (var (id, weight) in instances)
        {
            await service.RegisterAsync(Instances.Create(name, id, weight: weight));
        }

        return name;
    }
}
