using Microsoft.Extensions.Time.Testing;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.LoadBalancing;

public sealed class LeastConnectionsStrategyTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly LeastConnectionsStrategy _strategy;
    private readonly Model.ServiceInstance[] _candidates = [Instances.Create("s", "a"), Instances.Create("s", "b"), Instances.Create("s", "c")];

    public LeastConnectionsStrategyTests()
    {
        _strategy = new LeastConnectionsStrategy(_time, LeaseDuration);
    }

    [Fact]
    public void TryPick_OpenLeases_PicksInstanceWithFewest()
    {
        var first = Pick();
        var second = Pick();
        var third = Pick();
        Assert.Equal(3, new[] { first.Instance.Id, second.Instance.Id, third.Instance.Id }.Distinct().Count());

        // Release the lease on the second; it is now the only one with no open lease.
        _strategy.Release(second.LeaseId);

        Assert.Equal(second.Instance.Id, Pick().Instance.Id);
    }

    [Fact]
    public void TryPick_AllEqual_BreaksTiesRoundRobin()
    {
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var pick = Pick();
            ids.Add(pick.Instance.Id);
            _strategy.Release(pick.LeaseId);
        }

        Assert.Equal("a b c a b c", string.Join(' ', ids));
    }

    [Fact]
    public void Release_Twice_CountsOnce()
    {
        var pick = Pick();
        Pick();

        Assert.True(_strategy.Release(pick.LeaseId));
        Assert.False(_strategy.Release(pick.LeaseId));
        Assert.Equal(1, _strategy.OpenLeaseCount);
    }

    [Fact]
    public void TryPick_LeaseNeverReleased_ExpiresAfterLeaseDuration()
    {
        var lost = Pick();
        Assert.Equal(1, _strategy.OpenLeasesOn(lost.Instance.Id));

        _time.Advance(LeaseDuration - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _strategy.OpenLeasesOn(lost.Instance.Id));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _strategy.OpenLeasesOn(lost.Instance.Id));
        Assert.Equal(0, _strategy.OpenLeaseCount);
        Assert.False(_strategy.Release(lost.LeaseId));
    }

    [Fact]
    public void TryPick_ManyUnreleased_SpreadsEvenly()
    {
        for (var i = 0; i < 30; i++)
        {
            Pick();
        }

        Assert.All(_candidates, c => Assert.Equal(10, _strategy.OpenLeasesOn(c.Id)));
    }

    private InstancePick Pick()
    {
        Assert.True(_strategy.TryPick(_candidates, out var pick));
        Assert.NotEqual(0, pick.LeaseId);
        return pick;
    }
}
