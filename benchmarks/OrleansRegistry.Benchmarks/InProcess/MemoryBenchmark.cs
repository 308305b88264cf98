using System.Diagnostics;
using System.Globalization;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>
/// Figure 6: managed memory per registered instance on one silo holding 100k instances in 1k
/// services (grain state, the silo's balancer cache, activations; the store keeps nothing in the
/// process, as Azure Table storage does not), and the balancer's pick latency on that silo for
/// services of 10, 1k and 10k instances.
/// </summary>
internal sealed class MemoryBenchmark : IFigureBenchmark
{
    private const int Concurrency = 200;
    private const double TargetBytes = 1024;
    private const double FlatWithin = 1.5;

    public string Name => "memory";

    public string Figures => "6";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var services = settings.Quick ? 10 : 1000;
        var perService = settings.Quick ? 100 : 100;
        int[] sizes = settings.Quick ? [10, 100, 1000] : [10, 1000, 10_000];
        var picks = settings.Quick ? 2000 : 20_000;
        var total = services * perService;

        await using var cluster = await BenchmarkCluster.StartAsync(silos: 1, remoteLikeStorage: true);
        var grains = cluster.GrainFactory(0);

        // Activations, code paths and the cache exist before the baseline is taken.
        await RegisterAsync(grains, "bench-mem-warm", 0, 100);
        await grains.GetGrain<IBalancerGrain>(0).SelectAsync("bench-mem-warm", LoadBalancingStrategy.RoundRobin);
        var before = SettledHeapBytes();
        await CountedLoad.RunAsync(total, Concurrency, index =>
        {
            var name = "bench-mem-" + (index % services).ToString(CultureInfo.InvariantCulture);
            return grains.GetGrain<IServiceGrain>(name).RegisterAsync(SampleInstances.Create(name, index / services));
        });
        var after = SettledHeapBytes();
        var perInstance = (after - before) / (double)total;
        var cached = cluster.Cache(0).Count;

        // Every size is registered and warmed before any is measured, so the first one measured does not pay for JIT tiering.
        var balancer = grains.GetGrain<IBalancerGrain>(0);
        foreach (var size in sizes)
        {
            await RegisterAsync(grains, PickService(size), 0, size);
            await PickLatencyAsync(balancer, PickService(size), picks / 2, []);
        }

        // Sizes take turns in short rounds, so that a slower phase of the machine falls on all of them alike.
        var samples = sizes.ToDictionary(size => size, _ => new List<double>(picks));
        const int Rounds = 10;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var size in sizes)
            {
                await PickLatencyAsync(balancer, PickService(size), picks / Rounds, samples[size]);
            }
        }

        var latencies = sizes.Select(size => (Size: size, Latency: Percentiles.Of(samples[size]))).ToList();

        var growth = latencies.Max(l => l.Latency.P50) / latencies.Min(l => l.Latency.P50);
        return
        [
            new FigureRow("6", $"memory per registered instance ({Format.Number(total)} instances in {services} services)",
                Format.Bytes(perInstance), "–", "–", "≤ 1 KiB",
                settings.Judge(perInstance <= TargetBytes),
                $"managed heap after full GC, {Format.Bytes(after - before)} for {total} instances; {cached} services in the silo's balancer cache; store keeps nothing in process"),
            new FigureRow("6", "pick latency at " + string.Join(", ", sizes.Select(s => Format.Number(s))) + " instances per service",
                string.Join("; ", latencies.Select(l => $"{Format.Number(l.Size)}: p50 {Format.Milliseconds(l.Latency.P50)}, p99 {Format.Milliseconds(l.Latency.P99)}")),
                "–",
                $"{Format.Ratio(growth)} (slowest / fastest p50)",
                $"flat (≤ {Format.Number(FlatWithin)}×)",
                settings.Judge(growth <= FlatWithin),
                $"IBalancerGrain.SelectAsync round robin, one call at a time through the silo's grain factory, {picks} picks each in rounds that alternate the sizes, after warming every size, on the silo holding the instances above"),
        ];
    }

    private static string PickService(int size) => "bench-pick-" + size.ToString(CultureInfo.InvariantCulture);

    private static Task<double> RegisterAsync(IGrainFactory grains, string name, int first, int count)
    {
        var grain = grains.GetGrain<IServiceGrain>(name);
        return CountedLoad.RunAsync(count, Concurrency, index => grain.RegisterAsync(SampleInstances.Create(name, first + index)));
    }

    private static async Task PickLatencyAsync(IBalancerGrain balancer, string name, int picks, List<double> latencies)
    {
        for (var i = 0; i < picks; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var selection = await balancer.SelectAsync(name, LoadBalancingStrategy.RoundRobin);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (selection is null)
            {
                throw new InvalidOperationException($"no pick from {name}");
            }
        }
    }

    private static long SettledHeapBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
