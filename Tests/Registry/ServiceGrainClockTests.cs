using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Registry;

/// <summary>The service grain's timestamps, on a fake clock so that a known time passes between two calls.</summary>
[Collection(FakeClockHealthClusterCollection.Name)]
public sealed class ServiceGrainClockTests(FakeClockHealthClusterFixture fixture)
{
    [Fact]
    public async Task RegisterAsync_SameIdAgain_ReplacesButKeepsCreatedAt()
    {
        var name = Instances.UniqueService("rereg");
        var grain = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        var first = await grain.RegisterAsync(Instances.Create(name, "i1", port: 9000));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        var second = await grain.RegisterAsync(Instances.Create(name, "i1", port: 9001));

        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal(first.LastHeartbeat + TimeSpan.FromSeconds(1), second.LastHeartbeat);
        var listed = Assert.Single(await grain.GetInstancesAsync());
        Assert.Equal(9001, listed.Port);
        Assert.Equal(first.CreatedAt, listed.CreatedAt);
    }

    [Fact]
    public async Task HeartbeatAsync_Registered_RenewsLastHeartbeat()
    {
        var name = Instances.UniqueService("hb");
        var grain = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        var stored = await grain.RegisterAsync(Instances.Create(name, "i1"));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HeartbeatResult.Renewed, await grain.HeartbeatAsync("i1"));

        var renewed = await grain.GetInstanceAsync("i1");
        Assert.NotNull(renewed);
        Assert.Equal(stored.LastHeartbeat + TimeSpan.FromSeconds(1), renewed.LastHeartbeat);
        Assert.Equal(stored.CreatedAt, renewed.CreatedAt);
    }
}
