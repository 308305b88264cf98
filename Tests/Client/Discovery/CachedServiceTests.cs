using Microsoft.Extensions.Time.Testing;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Discovery;

public sealed class CachedServiceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly CachedService _entry;

    public CachedServiceTests()
    {
        _entry = new CachedService("s", _time.GetTimestamp(), kind => SelectionStrategyFactory.Create(kind, _time, new Random(1), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void ApplyPush_OlderIndex_KeepsNewer()
    {
        _entry.ApplyPush(Snapshot(5, "a", "b"), _time.GetTimestamp());

        Assert.False(_entry.ApplyPush(Snapshot(4, "a"), _time.GetTimestamp()));

        Assert.Equal(5, _entry.Snapshot!.Index);
        Assert.Equal(2, _entry.Selectable.Length);
    }

    [Fact]
    public void ApplyCurrent_OlderIndexAndNoPushDuringCall_TakesRegistryAnswer()
    {
        _entry.ApplyPush(Snapshot(5, "a", "b"), _time.GetTimestamp());
        var appliedAtCall = _entry.AppliedCount;

        // The registry restarted with in-memory storage: its history starts again.
        Assert.True(_entry.ApplyCurrent(Snapshot(1, "c"), _time.GetTimestamp(), appliedAtCall));

        Assert.Equal(1, _entry.Snapshot!.Index);
        Assert.Equal(["c"], _entry.Selectable.Select(i => i.Id));
    }

    [Fact]
    public void ApplyCurrent_SameIndexOtherInstancesAndNoPushDuringCall_TakesRegistryAnswer()
    {
        _entry.ApplyPush(Snapshot(1, "a"), _time.GetTimestamp());

        // Restarted with nothing, then one registration: index 1 again, another instance.
        Assert.True(_entry.ApplyCurrent(Snapshot(1, "b"), _time.GetTimestamp(), _entry.AppliedCount));

        Assert.Equal(["b"], _entry.Selectable.Select(i => i.Id));
    }

    [Fact]
    public void ApplyPush_SameIndexSameInstancesNewerHeartbeat_Ignored()
    {
        _entry.ApplyPush(Snapshot(3, "a"), _time.GetTimestamp());
        var token = _entry.ChangeToken;
        var beat = new ServiceSnapshot("s", 3, [Instances.Create("s", "a") with { LastHeartbeat = DateTimeOffset.UtcNow }]);

        Assert.False(_entry.ApplyPush(beat, _time.GetTimestamp()));

        Assert.False(token.HasChanged);
    }

    [Fact]
    public void ApplyCurrent_OlderIndexAfterPushDuringCall_KeepsPush()
    {
        _entry.ApplyPush(Snapshot(5, "a"), _time.GetTimestamp());
        var appliedAtCall = _entry.AppliedCount;
        _entry.ApplyPush(Snapshot(6, "a", "b"), _time.GetTimestamp());

        Assert.False(_entry.ApplyCurrent(Snapshot(5, "a"), _time.GetTimestamp(), appliedAtCall));

        Assert.Equal(6, _entry.Snapshot!.Index);
    }

    [Fact]
    public void ApplyPush_Newer_FiresChangeTokenAndListeners()
    {
        _entry.ApplyPush(Snapshot(1, "a"), _time.GetTimestamp());
        var token = _entry.ChangeToken;
        var seen = new List<long>();
        using (_entry.AddListener(snapshot => seen.Add(snapshot.Index)))
        {
            _entry.ApplyPush(Snapshot(2, "a", "b"), _time.GetTimestamp());
        }

        _entry.ApplyPush(Snapshot(3, "a"), _time.GetTimestamp());

        Assert.True(token.HasChanged);
        Assert.Equal([2L], seen);
    }

    [Fact]
    public void Selectable_UnhealthyAndPanic_KeepsHealthyAndPanicOrderedById()
    {
        var instances = new[]
        {
            Instances.Create("s", "c"),
            Instances.Create("s", "b", status: ServiceStatus.Unhealthy),
            Instances.Create("s", "a", status: ServiceStatus.Unhealthy) with { Panic = true },
        };

        _entry.ApplyPush(new ServiceSnapshot("s", 1, instances), _time.GetTimestamp());

        Assert.Equal(["a", "c"], _entry.Selectable.Select(i => i.Id));
    }

    public void Dispose() => _entry.Dispose();

    private static ServiceSnapshot Snapshot(long index, params string[] ids) =>
        new("s", index, ids.Select(id => Instances.Create("s", id)).ToArray());
}
