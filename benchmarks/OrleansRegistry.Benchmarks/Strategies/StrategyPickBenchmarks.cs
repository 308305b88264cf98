using BenchmarkDotNet.Attributes;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.Strategies;

/// <summary>
/// One pick of each strategy over a service's selectable instances, as the silo cache hands them
/// over (an array ordered by id). A least-connections pick opens a lease, which a caller returns:
/// its operation is pick + release, the steady state of a balancer in use.
/// </summary>
[MemoryDiagnoser]
public class StrategyPickBenchmarks
{
    private ISelectionStrategy _strategy = null!;
    private ServiceInstance[] _candidates = [];

    [Params(3, 100, 10_000)]
    public int Instances { get; set; }

    [ParamsAllValues]
    public LoadBalancingStrategy Strategy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _candidates = Enumerable.Range(0, Instances)
            .Select(i => SampleInstances.Create("bench-strategy", i, weight: 1 + (i % 5)))
            .ToArray();
        _strategy = SelectionStrategyFactory.Create(Strategy, TimeProvider.System, new Random(42), TimeSpan.FromSeconds(10));
    }

    [Benchmark]
    public ServiceInstance Pick()
    {
        _strategy.TryPick(_candidates, out var pick);
        if (pick.LeaseId != 0)
        {
            ((LeastConnectionsStrategy)_strategy).Release(pick.LeaseId);
        }

        return pick.Instance;
    }
}
