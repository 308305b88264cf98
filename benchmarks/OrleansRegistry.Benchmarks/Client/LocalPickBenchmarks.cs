using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.Client;

/// <summary>
/// The client library's local pick: its cached copy of a service, filled by a push as the
/// registry sends one, picked from with the entry's own round-robin state, as
/// <c>InstanceSelector</c> does in local mode.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet owns the instance and disposes the entry in GlobalCleanup.")]
public class LocalPickBenchmarks
{
    private CachedService _entry = null!;

    [Params(10, 10_000)]
    public int Instances { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var instances = Enumerable.Range(0, Instances).Select(i => SampleInstances.Create("bench-local", i)).ToArray();
        _entry = new CachedService("bench-local", 0, kind => SelectionStrategyFactory.Create(kind, TimeProvider.System, new Random(42), TimeSpan.FromSeconds(10)));
        _entry.ApplyPush(new ServiceSnapshot("bench-local", 1, instances), 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _entry.Dispose();

    [Benchmark]
    public ServiceInstance Pick()
    {
        _entry.TryPick(LoadBalancingStrategy.RoundRobin, _entry.Selectable, out var pick);
        return pick.Instance;
    }
}
