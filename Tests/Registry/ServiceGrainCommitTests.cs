using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Registry;

/// <summary>
/// How the service grain stores changes that arrive together: one write covers every change made
/// while the previous write was in flight, callers return only once their change is stored, reads
/// never show a change that is not stored, and a failed write drops every change not yet stored
/// but keeps the heartbeats that arrived meanwhile.
/// </summary>
public sealed class ServiceGrainCommitTests(GatedStorageClusterFixture fixture) : IClassFixture<GatedStorageClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RegisterAsync_WhileAWriteIsInFlight_JoinsOneNextWrite()
    {
        var name = Instances.UniqueService("coalesce");
        var grain = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await grain.RegisterAsync(Instances.Create(name, "i0"));
        var writesBefore = fixture.Storage.Writes(name);

        var gate = fixture.Storage.Hold(name);
        var first = grain.RegisterAsync(Instances.Create(name, "i1"));
        await gate.Entered.WaitAsync(Deadline);
        var ids = Enumerable.Range(2, 20).Select(i => $"i{i}").ToArray();
        var rest = ids.Select(id => grain.RegisterAsync(Instances.Create(name, id))).ToArray();
        foreach (var id in ids)
        {
            await WaitAppliedAsync(grain, id);
        }

        Assert.False(first.IsCompleted, "a registration returned before its write completed");
        Assert.DoesNotContain(rest, call => call.IsCompleted);
        Assert.Equal(["i0"], (await grain.GetInstancesAsync()).Select(i => i.Id));

        gate.Release();
        await Task.WhenAll(rest.Append(first)).WaitAsync(Deadline);

        Assert.Equal(2, fixture.Storage.Writes(name) - writesBefore);
        Assert.Equal(22, (await grain.GetInstancesAsync()).Count);
        Assert.Equal(22, (await grain.GetSnapshotAsync()).Index);
        fixture.Storage.Open(name);
    }

    [Fact]
    public async Task RegisterAsync_WriteFails_DropsEveryUnstoredChangeAndFailsItsCaller()
    {
        var name = Instances.UniqueService("undo");
        var grain = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await grain.RegisterAsync(Instances.Create(name, "i0"));
        var indexBefore = (await grain.GetSnapshotAsync()).Index;

        var gate = fixture.Storage.Hold(name);
        var first = grain.RegisterAsync(Instances.Create(name, "i1"));
        await gate.Entered.WaitAsync(Deadline);
        var second = grain.RegisterAsync(Instances.Create(name, "i2"));
        var third = grain.DeregisterAsync("i0");
        await WaitAppliedAsync(grain, "i2");
        await Eventually.TrueAsync(
            async () => await grain.HeartbeatAsync("i0") == HeartbeatResult.NotRegistered,
            Deadline,
            "the deregistration of i0 to be applied in memory");

        gate.Release(fail: true);

        await Assert.ThrowsAnyAsync<Exception>(() => first.WaitAsync(Deadline));
        await Assert.ThrowsAnyAsync<Exception>(() => second.WaitAsync(Deadline));
        await Assert.ThrowsAnyAsync<Exception>(() => third.WaitAsync(Deadline));
        fixture.Storage.Open(name);
        Assert.Equal(["i0"], (await grain.GetInstancesAsync()).Select(i => i.Id));
        Assert.Equal(HeartbeatResult.NotRegistered, await grain.HeartbeatAsync("i1"));
        Assert.Equal(HeartbeatResult.Renewed, await grain.HeartbeatAsync("i0"));
        Assert.Equal(indexBefore, (await grain.GetSnapshotAsync()).Index);

        await grain.RegisterAsync(Instances.Create(name, "i3"));
        Assert.Equal(["i0", "i3"], (await grain.GetInstancesAsync()).Select(i => i.Id));
        Assert.Equal(indexBefore + 1, (await grain.GetSnapshotAsync()).Index);
    }

    [Fact]
    public async Task HeartbeatAsync_DuringAWriteThatFails_IsKept()
    {
        var name = Instances.UniqueService("beat-kept");
        var grain = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        var registered = await grain.RegisterAsync(Instances.Create(name, "leased"));

        var gate = fixture.Storage.Hold(name);
        var failing = grain.RegisterAsync(Instances.Create(name, "other"));
        await gate.Entered.WaitAsync(Deadline);
        Assert.Equal(HeartbeatResult.Renewed, await grain.HeartbeatAsync("leased"));
        var renewed = (await grain.GetInstanceAsync("leased"))!.LastHeartbeat;
        var readDuringWrite = (await grain.GetSnapshotAsync()).Instances.Single();

        gate.Release(fail: true);
        await Assert.ThrowsAnyAsync<Exception>(() => failing.WaitAsync(Deadline));
        fixture.Storage.Open(name);

        Assert.True(renewed > registered.LastHeartbeat, "the heartbeat did not move the instance's heartbeat time");
        Assert.Equal(renewed, readDuringWrite.LastHeartbeat);
        var afterFailure = await grain.GetSnapshotAsync();
        Assert.Equal(["leased"], afterFailure.Instances.Select(i => i.Id));
        Assert.Equal(renewed, afterFailure.Instances[0].LastHeartbeat);
        Assert.Equal(renewed, (await grain.GetInstanceAsync("leased"))!.LastHeartbeat);
    }

    /// <summary>A heartbeat is answered from memory, so it tells when a change was applied though not yet stored.</summary>
    private static Task WaitAppliedAsync(IServiceGrain grain, string id) =>
        Eventually.TrueAsync(
            async () => await grain.HeartbeatAsync(id) == HeartbeatResult.Renewed,
            Deadline,
            $"the registration of {id} to be applied in memory");
}
