using System.Diagnostics;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Caching;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>
/// Figure 7: from the start of a deregistration to the moment the balancer cache of each of two
/// silos no longer holds the instance (every balancer picks only from its silo's cache). After the
/// call returns, both silos' balancers are asked for picks and must never return it.
/// </summary>
internal sealed class PropagationBenchmark : IFigureBenchmark
{
    private const string Service = "bench-propagation";
    private const int Steady = 10;
    private const double TargetP99Milliseconds = 100;

    public string Name => "propagation";

    public string Figures => "7";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var samples = settings.Quick ? 20 : 300;
        await using var cluster = await BenchmarkCluster.StartAsync(silos: 2);
        var grains = new[] { cluster.GrainFactory(0), cluster.GrainFactory(1) };
        var caches = new[] { cluster.Cache(0), cluster.Cache(1) };
        var service = grains[0].GetGrain<IServiceGrain>(Service);
        for (var i = 0; i < Steady; i++)
        {
            await service.RegisterAsync(SampleInstances.Create(Service, i));
        }

        var gone = new List<double>();
        var acknowledged = new List<double>();
        var stalePicks = 0;
        for (var sample = 0; sample < samples; sample++)
        {
            var victim = SampleInstances.Create(Service, Steady + sample);
            await service.RegisterAsync(victim);
            foreach (var cache in caches)
            {
                if (!Holds(cache, victim.Id))
                {
                    throw new InvalidOperationException("a registration returned before every silo's cache held it");
                }
            }

            var watchers = caches.Select(cache => WaitGoneAsync(cache, victim.Id)).ToArray();
            var started = Stopwatch.GetTimestamp();

            // Alternate the silo the call enters through; the service grain lives on one of them.
            await grains[sample % 2].GetGrain<IServiceGrain>(Service).DeregisterAsync(victim.Id);
            acknowledged.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var goneAt = (await Task.WhenAll(watchers).WaitAsync(TimeSpan.FromSeconds(10))).Max();
            gone.Add(Stopwatch.GetElapsedTime(started, goneAt).TotalMilliseconds);

            foreach (var silo in grains)
            {
                var balancer = silo.GetGrain<IBalancerGrain>(0);
                for (var pick = 0; pick < Steady; pick++)
                {
                    var selection = await balancer.SelectAsync(Service, LoadBalancingStrategy.RoundRobin);
                    if (selection?.Instance.Id == victim.Id)
                    {
                        stalePicks++;
                    }
                }
            }
        }

        var latency = Percentiles.Of(gone);
        var ack = Percentiles.Of(acknowledged);
        return
        [
            new FigureRow("7", "deregistration → no balancer on any of 2 silos picks it",
                $"p50 {Format.Milliseconds(latency.P50)}, p99 {Format.Milliseconds(latency.P99)}", "–", "–", "p99 ≤ 100 ms",
                stalePicks > 0 ? Verdict.Failed : settings.Judge(latency.P99 <= TargetP99Milliseconds),
                $"{samples} deregistrations; the call itself returned in p50 {Format.Milliseconds(ack.P50)}, p99 {Format.Milliseconds(ack.P99)} "
                    + $"(after both caches had dropped it); {stalePicks} picks of a deregistered instance after the call returned"),
        ];
    }

    private static bool Holds(SiloServiceCache cache, string id) =>
        cache.TryGet(Service, out var entry) && Array.Exists(entry.Current.Selectable, instance => instance.Id == id);

    /// <summary>Completes with the timestamp at which the silo's cache stopped holding <paramref name="id"/>.</summary>
    private static async Task<long> WaitGoneAsync(SiloServiceCache cache, string id)
    {
        if (!cache.TryGet(Service, out var entry))
        {
            throw new InvalidOperationException("the silo has no copy of the service");
        }

        while (true)
        {
            var changed = entry.Changed;
            if (!Array.Exists(entry.Current.Selectable, instance => instance.Id == id))
            {
                return Stopwatch.GetTimestamp();
            }

            await changed;
        }
    }
}
