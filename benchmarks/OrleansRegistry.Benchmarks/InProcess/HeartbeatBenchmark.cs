using System.Globalization;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>
/// Figure 5: heartbeats per second that one silo absorbs (calls through the silo's own grain
/// factory, as the HTTP API makes them, 500 outstanding), and the storage writes they cause.
/// Half the instances hold a TTL lease, so the lease path runs too.
/// </summary>
internal sealed class HeartbeatBenchmark : IFigureBenchmark
{
    private const int Outstanding = 500;
    private const double TargetPerSecond = 50_000;

    public string Name => "heartbeat";

    public string Figures => "5";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var services = settings.Quick ? 2 : 10;
        var perService = settings.Quick ? 10 : 100;
        await using var cluster = await BenchmarkCluster.StartAsync(silos: 1);
        var grains = cluster.GrainFactory(0);
        var targets = new List<(IServiceGrain Grain, string Id)>();
        for (var s = 0; s < services; s++)
        {
            var name = "bench-heartbeat-" + s.ToString(CultureInfo.InvariantCulture);
            var grain = grains.GetGrain<IServiceGrain>(name);
            for (var i = 0; i < perService; i++)
            {
                var instance = SampleInstances.Create(name, i);
                if (i % 2 == 0)
                {
                    instance = instance with { Check = new InstanceCheck(Ttl: TimeSpan.FromMinutes(10)) };
                }

                await grain.RegisterAsync(instance);
                targets.Add((grain, instance.Id));
            }
        }

        var next = 0;
        async Task Heartbeat()
        {
            var (grain, id) = targets[(int)((uint)Interlocked.Increment(ref next) % (uint)targets.Count)];
            if (await grain.HeartbeatAsync(id) != HeartbeatResult.Renewed)
            {
                throw new InvalidOperationException($"{id} was not registered");
            }
        }

        await ClosedLoop.RunAsync(Heartbeat, Outstanding, settings.Warmup, settings.Warmup);
        var results = new List<LoadResult>();
        long heartbeats = 0, writes = 0;
        for (var round = 0; round < settings.Rounds; round++)
        {
            cluster.Writes.Reset();
            var result = await ClosedLoop.RunAsync(Heartbeat, Outstanding, TimeSpan.Zero, settings.Duration);
            writes += cluster.Writes.Writes;
            heartbeats += result.Operations;
            results.Add(result);
        }

        var median = results.OrderBy(r => r.PerSecond).ElementAt(results.Count / 2);
        var errors = results.Sum(r => r.Errors);
        var perHeartbeat = (double)writes / heartbeats;
        var note = $"{services * perService} instances in {services} services, {Outstanding} outstanding; p99 {Format.Milliseconds(median.Latency.P99)}"
            + (errors > 0 ? $"; {errors} heartbeats failed" : string.Empty);
        return
        [
            new FigureRow("5", "heartbeats/s on one silo", Format.PerSecond(median.PerSecond), "–", "–", "≥ 50k/s",
                errors > 0 ? Verdict.Failed : settings.Judge(median.PerSecond >= TargetPerSecond), note),
            new FigureRow("5", "storage writes per heartbeat", $"{Format.Number(perHeartbeat, "0.######")} ({writes} writes in {heartbeats} heartbeats)", "–", "–", "0",
                writes == 0 ? Verdict.Met : Verdict.Failed),
        ];
    }
}
