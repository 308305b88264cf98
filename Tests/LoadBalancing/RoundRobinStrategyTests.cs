using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.LoadBalancing;

public sealed class RoundRobinStrategyTests
{
    [Fact]
    public void TryPick_ThreeCandidates_CyclesInOrder()
    {
        var candidates = new[] { Instances.Create("s", "a"), Instances.Create("s", "b"), Instances.Create("s", "c") };
        var strategy = new RoundRobinStrategy();

        var picks = Enumerable.Range(0, 7).Select(_ => strategy.TryPick(candidates, out var p) ? p.Instance.Id : "-");

        Assert.Equal("a b c a b c a", string.Join(' ', picks));
    }

    [Fact]
    public void TryPick_NoCandidates_ReturnsFalse()
    {
        Assert.False(new RoundRobinStrategy().TryPick(Array.Empty<ServiceInstance>(), out _));
    }
}
