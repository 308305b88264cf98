using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.LoadBalancing;

public sealed class RandomStrategyTests
{
    [Fact]
    public void TryPick_SameSeed_SameSequence()
    {
        var candidates = Enumerable.Range(0, 10).Select(i => Instances.Create("s", $"i{i}")).ToArray();
        var first = new RandomStrategy(new Random(42));
        var second = new RandomStrategy(new Random(42));

        var a = Enumerable.Range(0, 50).Select(_ => first.TryPick(candidates, out var p) ? p.Instance.Id : "-").ToArray();
        var b = Enumerable.Range(0, 50).Select(_ => second.TryPick(candidates, out var p) ? p.Instance.Id : "-").ToArray();

        Assert.Equal(a, b);
    }

    [Fact]
    public void TryPick_ManyPicks_ReachesEveryCandidateRoughlyEqually()
    {
        var candidates = Enumerable.Range(0, 4).Select(i => Instances.Create("s", $"i{i}")).ToArray();
        var strategy = new RandomStrategy(new Random(7));

        var counts = Enumerable.Range(0, 4000)
            .Select(_ => strategy.TryPick(candidates, out var p) ? p.Instance.Id : "-")
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, count => Assert.InRange(count, 850, 1150));
    }
}
