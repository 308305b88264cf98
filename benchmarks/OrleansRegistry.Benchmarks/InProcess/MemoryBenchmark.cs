using System.Diagnostics;
using System.Globalization;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>
/// Figure 6: managed memory per registered instance on one silo holding a million instances in 10k
/// services (grain state, the silo's balancer cache, activations; the store keeps nothing in the
/// process, as Azure Table storage does not), and the balancer's pick latency on that silo for
/// services of 10, 1k and 100k instances.
/// </summary>
internal sealed class MemoryBenchmark : IFigureBenchmark
{
    private const int Concurrency = 200;

    // Registrations in flight for the pick services, registered after the memory is measured. A
    // service grain stores (and pushes) in one write every change that arrived while its previous
    // write ran, and each write copies the whole service: with 2000 in flight, 100,000 instances
    // take about 50 writes instead of 500 (side by side on a busy machine: 60 s instead of 146 s;
    // the rest is work every registration does).
    private const int PickServiceConcurrency = 2000;
    private const double TargetBytes = 512;
    private const double FlatWithin = 1.5;

    public string Name => "memory";

    public string Figures => "6";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var services = settings.Quick ? 10 : 10_000;
        var perService = 100;
        int[] sizes = settings.Quick ? [10, 100, 1000] : [10, 1000, 100_000];
        var picks = settings.Quick ? 2000 : 20_000;
        var total = services * perService;

        var recordBytes = InstanceRecordBytes(services, total);
        await using var cluster = await BenchmarkCluster.StartAsync(silos: 1, remoteLikeStorage: true);
        var grains = cluster.GrainFactory(0);

        // Activations, code paths and the cache exist before the baseline is taken.
        await RegisterAsync(grains, "bench-mem-warm", 0, 100, Concurrency);
        await grains.GetGrain<IBalancerGrain>(0).SelectAsync("bench-mem-warm", LoadBalancingStrategy.RoundRobin);
        var before = SettledHeapBytes();
        var registering = Stopwatch.GetTimestamp();
        await CountedLoad.RunAsync(total, Concurrency, index =>
        {
            var name = "bench-mem-" + (index % services).ToString(CultureInfo.InvariantCulture);
            return grains.GetGrain<IServiceGrain>(name).RegisterAsync(SampleInstances.Create(name, index / services));
        });
        var registered = Stopwatch.GetElapsedTime(registering);
        var after = SettledHeapBytes();
        var perInstance = (after - before) / (double)total;
        var cached = cluster.Cache(0).Count;

        // Every size is registered and warmed before any is measured, so the first one measured does not pay for JIT tiering.
        var balancer = grains.GetGrain<IBalancerGrain>(0);
        var sizing = Stopwatch.GetTimestamp();
        foreach (var size in sizes)
        {
            await RegisterAsync(grains, PickService(size), 0, size, PickServiceConcurrency);
            await PickLatencyAsync(balancer, PickService(size), picks / 2, []);
        }

        var sized = Stopwatch.GetElapsedTime(sizing);

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
                Format.Bytes(perInstance), "–", "–", $"≤ {Format.Bytes(TargetBytes)}",
                settings.Judge(perInstance <= TargetBytes),
                $"managed heap after full GC, {Format.Bytes(after - before)} for {total} instances; {cached} services in the silo's balancer cache; store keeps nothing in process; "
                    + $"where the bytes go: an instance record as it arrives (record, strings, metadata dictionary, as deserialized) takes {Format.Bytes(recordBytes)}; the registry keeps the service's name and equal metadata strings once per service, and besides the records holds the grain's dictionaries and health state, the sorted views, the silo's copy (snapshot, selectable array, JSON answers) and activations; registering them took {Format.Number(registered.TotalSeconds, "0")} s"),
            new FigureRow("6", "pick latency at " + string.Join(", ", sizes.Select(s => Format.Number(s))) + " instances per service",
                string.Join("; ", latencies.Select(l => $"{Format.Number(l.Size)}: p50 {Format.Milliseconds(l.Latency.P50)}, p99 {Format.Milliseconds(l.Latency.P99)}")),
                "–",
                $"{Format.Ratio(growth)} (slowest / fastest p50)",
                $"flat (≤ {Format.Number(FlatWithin)}×)",
                settings.Judge(growth <= FlatWithin),
                $"IBalancerGrain.SelectAsync round robin, one call at a time through the silo's grain factory, {picks} picks each in rounds that alternate the sizes, after warming every size, on the silo holding the instances above; registering and warming these services took {Format.Number(sized.TotalSeconds, "0")} s"),
        ];
    }

    private static string PickService(int size) => "bench-pick-" + size.ToString(CultureInfo.InvariantCulture);

    private static Task<double> RegisterAsync(IGrainFactory grains, string name, int first, int count, int concurrency)
    {
        var grain = grains.GetGrain<IServiceGrain>(name);
        return CountedLoad.RunAsync(count, concurrency, index => grain.RegisterAsync(SampleInstances.Create(name, first + index)));
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

    /// <summary>Heap bytes per instance of the same instances held in an array and nothing else: a record as a registration brings it.</summary>
    private static double InstanceRecordBytes(int services, int total)
    {
        var before = SettledHeapBytes();
        var instances = new ServiceInstance[total];
        for (var index = 0; index < total; index++)
        {
            instances[index] = SampleInstances.Create("bench-mem-" + (index % services).ToString(CultureInfo.InvariantCulture), index / services);
        }

        var after = SettledHeapBytes();
        GC.KeepAlive(instances);
        return (after - before - (IntPtr.Size * (double)total)) / total;
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
