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

    [Theory]
    [InlineData(1, 32, 1000, 12)]
    [InlineData(33, 200, 1000, 8)]
    [InlineData(33, 3000, 5, 12)]
    [InlineData(1000, 1000, 1000, 2)]
    [InlineData(10_000, 10_000, 5, 2)]
    public void TryPick_RandomWeightSets_EveryWindowOfTotalWeightHoldsEachInstanceExactlyItsWeight(int minInstances, int maxInstances, int maxWeight, int sets)
    {
        var random = new Random((minInstances * 31) + maxWeight);
        for (var set = 0; set < sets; set++)
        {
            var candidates = RandomCandidates(random, random.Next(minInstances, maxInstances + 1), maxWeight);
            var strategy = new SmoothWeightedRoundRobin();
            var total = candidates.Sum(c => c.Weight);

            AssertEveryWindowHoldsItsWeights(candidates, Picks(strategy, candidates, 2 * total));
        }
    }

    [Fact]
    public void TryPick_ThousandDistinctWeights_EveryWindowHoldsEachInstanceExactlyItsWeight()
    {
        // 1000 distinct weights: the heap holds 1000 groups, and every pick sifts it.
        var candidates = Enumerable.Range(0, 1000).Select(i => Instances.Create("s", $"i{i}", weight: 1000 - i)).ToArray();
        var total = candidates.Sum(c => c.Weight);

        AssertEveryWindowHoldsItsWeights(candidates, Picks(new SmoothWeightedRoundRobin(), candidates, 2 * total));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(500)]
    public void TryPick_NewListOfSameInstances_GoesOnWithTheSameSequence(int instances)
    {
        var random = new Random(instances);
        var candidates = RandomCandidates(random, instances, 50);
        var total = candidates.Sum(c => c.Weight);
        var expected = Picks(new SmoothWeightedRoundRobin(), candidates, 2 * total);

        var strategy = new SmoothWeightedRoundRobin();
        var actual = new List<ServiceInstance>();
        while (actual.Count < expected.Count)
        {
            var snapshot = candidates.ToArray();
            actual.AddRange(Picks(strategy, snapshot, Math.Min(random.Next(1, 20), expected.Count - actual.Count)));
        }

        Assert.Equal(expected.Select(c => c.Id), actual.Select(c => c.Id));
    }

    [Fact]
    public void TryPick_NewSnapshotEveryFewPicks_StillReachesEveryInstance()
    {
        // A schedule that restarted its period on each snapshot would only ever hand out its first picks.
        var random = new Random(5);
        var candidates = RandomCandidates(random, 300, 4);
        var withExtra = candidates.Append(Instances.Create("s", "extra", weight: 3)).ToArray();
        var total = candidates.Sum(c => c.Weight);
        var strategy = new SmoothWeightedRoundRobin();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var picked = 0; picked < 2 * total; picked += 7)
        {
            var snapshot = (picked / 7) % 2 == 0 ? candidates.ToArray() : withExtra.ToArray();
            foreach (var pick in Picks(strategy, snapshot, 7))
            {
                counts[pick.Id] = counts.GetValueOrDefault(pick.Id) + 1;
            }
        }

        Assert.All(candidates, c => Assert.True(counts.GetValueOrDefault(c.Id) >= c.Weight, $"{c.Id} (weight {c.Weight}) picked {counts.GetValueOrDefault(c.Id)} times in {2 * total} picks"));
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(32, 5)]
    [InlineData(100, 5)]
    [InlineData(10_000, 5)]
    [InlineData(2_000, 1000)]
    public void TryPick_SteadyState_AllocatesNothing(int instances, int distinctWeights)
    {
        var candidates = Enumerable.Range(0, instances).Select(i => Instances.Create("s", $"i{i}", weight: 1 + (i % distinctWeights))).ToArray();
        var strategy = new SmoothWeightedRoundRobin();
        for (var i = 0; i < 1000; i++)
        {
            strategy.TryPick(candidates, out _);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            strategy.TryPick(candidates, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
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

    private static ServiceInstance[] RandomCandidates(Random random, int count, int maxWeight) =>
        Enumerable.Range(0, count).Select(i => Instances.Create("s", $"i{i}", weight: random.Next(1, maxWeight + 1))).ToArray();

    private static List<ServiceInstance> Picks(SmoothWeightedRoundRobin strategy, IReadOnlyList<ServiceInstance> candidates, int count)
    {
        var picks = new List<ServiceInstance>(count);
        for (var i = 0; i < count; i++)
        {
            Assert.True(strategy.TryPick(candidates, out var pick));
            picks.Add(pick.Instance);
        }

        return picks;
    }

    /// <summary>Slides a window of Σweights picks over the whole sequence; each slide changes two counts, which are checked.</summary>
    private static void AssertEveryWindowHoldsItsWeights(ServiceInstance[] candidates, List<ServiceInstance> picks)
    {
        var index = new Dictionary<ServiceInstance, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < candidates.Length; i++)
        {
            index[candidates[i]] = i;
        }

        var weights = candidates.Select(c => c.Weight).ToArray();
        var total = weights.Sum();
        var counts = new int[candidates.Length];
        for (var i = 0; i < total; i++)
        {
            counts[index[picks[i]]]++;
        }

        Assert.Equal(weights, counts);
        for (var start = 1; start + total <= picks.Count; start++)
        {
            var left = index[picks[start - 1]];
            var entered = index[picks[start + total - 1]];
            counts[left]--;
            counts[entered]++;
            if (counts[left] != weights[left] || counts[entered] != weights[entered])
            {
                Assert.Fail($"window at {start} of {candidates.Length} instances: {candidates[left].Id} {counts[left]}/{weights[left]}, {candidates[entered].Id} {counts[entered]}/{weights[entered]}");
            }
        }
    }

    private static string Pick(SmoothWeightedRoundRobin strategy, IReadOnlyList<ServiceInstance> candidates)
    {
        Assert.True(strategy.TryPick(candidates, out var pick));
        return pick.Instance.Id;
    }
}
