using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.LoadBalancing;

public sealed class SmoothWeightedRoundRobinTests
{
    [Fact]
    public void TryPick_Weights511_GivesNginxSequence()
    {
        var candidates = new[] { Instances.Create("s", "a", weight: 5), Instances.Create("s", "b", weight: 1), Instances.Create("s", "c", weight: 1) };
        var strategy = new SmoothWeightedRoundRobin();

        var picks = Enumerable.Range(0, 14).Select(_ => Pick(strategy, candidates)).ToArray();

        Assert.Equal("a a b a c a a a a b a c a a", string.Join(' ', picks));
    }

    [Theory]
    [InlineData(new[] { 5, 1, 1 })]
    [InlineData(new[] { 3, 2, 7, 1 })]
    [InlineData(new[] { 1, 1, 1 })]
    [InlineData(new[] { 1000, 1, 10 })]
    public void TryPick_AnyWindowOfTotalWeight_HoldsEachInstanceExactlyItsWeight(int[] weights)
    {
        var candidates = weights.Select((w, i) => Instances.Create("s", $"i{i}", weight: w)).ToArray();
        var strategy = new SmoothWeightedRoundRobin();
        var total = weights.Sum();
        var picks = Enumerable.Range(0, total * 3).Select(_ => Pick(strategy, candidates)).ToArray();

        for (var start = 0; start + total <= picks.Length; start++)
        {
            var window = picks.Skip(start).Take(total).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
            for (var i = 0; i < weights.Length; i++)
            {
                Assert.Equal(weights[i], window.GetValueOrDefault($"i{i}"));
            }
        }
    }

    [Fact]
    public void TryPick_MissingWeight_CountsAsOne()
    {
        var candidates = new[] { Instances.Create("s", "a", weight: 2), Instances.Create("s", "b") };
        var strategy = new SmoothWeightedRoundRobin();

        var picks = Enumerable.Range(0, 3).Select(_ => Pick(strategy, candidates)).ToArray();

        Assert.Equal(2, picks.Count(p => p == "a"));
        Assert.Equal(1, picks.Count(p => p == "b"));
    }

    [Fact]
    public void TryPick_NoCandidates_ReturnsFalse()
    {
        Assert.False(new SmoothWeightedRoundRobin().TryPick(Array.Empty<ServiceInstance>(), out _));
    }

    private static string Pick(SmoothWeightedRoundRobin strategy, IReadOnlyList<ServiceInstance> candidates)
    {
        Assert.True(strategy.TryPick(candidates, out var pick));
        return pick.Instance.Id;
    }
}
