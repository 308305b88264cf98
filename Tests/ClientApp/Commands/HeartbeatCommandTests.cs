using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class HeartbeatCommandTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Heartbeat_Registered_RenewsLastHeartbeatAndExitsZero()
    {
        var name = Instances.UniqueService("beat");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        var registered = await service.RegisterAsync(Instances.Create(name, "i-1"));

        var result = await fixture.RunAsync("heartbeat", name, "i-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"heartbeat renewed for {name}/i-1", result.Stdout, StringComparison.Ordinal);
        var renewed = await service.GetInstanceAsync("i-1");
        Assert.True(renewed!.LastHeartbeat > registered.LastHeartbeat, $"{renewed.LastHeartbeat:O} should be after {registered.LastHeartbeat:O}");
    }

    [Fact]
    public async Task Heartbeat_NotRegistered_ExitsOneAndSaysRegisterAgain()
    {
        var name = Instances.UniqueService("beat-none");

        var result = await fixture.RunAsync("heartbeat", name, "ghost");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("is not registered; register it again", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstancesAsync());
    }
}
