using System.Globalization;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Http;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.Client;

/// <summary>
/// Figure 3: balancer picks per second through an Orleans client with 500 calls outstanding,
/// against a no-op call that returns a ready-made answer of the same size
/// (<see cref="IReadyAnswerGrain"/>, a stateless worker like the balancer) through the same client
/// to the same silo process; and the client library's local pick from its pushed copy
/// (BenchmarkDotNet).
/// </summary>
internal sealed class ClientPickBenchmark : IFigureBenchmark
{
    private const string Service = "bench-client";
    private const int Outstanding = 500;
    private const double Target = 0.95;
    private const double LocalPickTargetNanoseconds = 100;

    // One rate on this shared 2-core machine drifts by ±20 % over seconds, far more than the two calls
    // differ, so this figure pairs many short rounds (pick then ping, or ping then pick, alternating)
    // and judges the median of the per-pair ratios: each pair sees the same phase of the machine.
    // Ten pairs of 1.5 s rounds (at 100k+ calls/s, a few hundred thousand calls a round) keep the
    // full run inside its ten minutes.
    private const int FullRounds = 10;
    private static readonly TimeSpan RoundDuration = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan RoundRampUp = TimeSpan.FromMilliseconds(500);

    public string Name => "client";

    public string Figures => "3";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var clusterId = "bench-client-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await BareServerProcess.StartAsync(BenchmarkSiloHost.Command, FreePorts.Next().ToString(CultureInfo.InvariantCulture), clusterId);
        await using var connection = await OrleansClient.ConnectAsync(silo.Port, clusterId);
        var client = connection.Client;
        var service = client.GetGrain<IServiceGrain>(Service);
        for (var i = 0; i < 10; i++)
        {
            await service.RegisterAsync(SampleInstances.Create(Service, i));
        }

        var balancer = client.GetGrain<IBalancerGrain>(0);
        var ready = client.GetGrain<IReadyAnswerGrain>(0);
        Task Pick() => balancer.SelectAsync(Service, LoadBalancingStrategy.RoundRobin);
        Task Ping() => ready.AnswerAsync(Service, LoadBalancingStrategy.RoundRobin);

        // Both calls are warmed before any round is measured: otherwise the first round measures the
        // JIT's tiering of whichever call runs first rather than the call.
        await ClosedLoop.RunAsync(Pick, Outstanding, settings.Warmup, settings.Warmup);
        await ClosedLoop.RunAsync(Ping, Outstanding, settings.Warmup, settings.Warmup);

        var rounds = settings.Quick ? settings.Rounds : FullRounds;
        var duration = settings.Quick ? settings.Duration : RoundDuration;
        var rampUp = settings.Quick ? settings.Warmup : RoundRampUp;
        var picks = new List<LoadResult>();
        var pings = new List<LoadResult>();
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                picks.Add(await ClosedLoop.RunAsync(Pick, Outstanding, rampUp, duration));
                pings.Add(await ClosedLoop.RunAsync(Ping, Outstanding, rampUp, duration));
            }
            else
            {
                pings.Add(await ClosedLoop.RunAsync(Ping, Outstanding, rampUp, duration));
                picks.Add(await ClosedLoop.RunAsync(Pick, Outstanding, rampUp, duration));
            }
        }

        var pick = Median(picks);
        var baseline = Median(pings);
        var ratio = MedianOf(picks.Zip(pings, (p, b) => p.PerSecond / b.PerSecond));
        var errors = picks.Sum(r => r.Errors) + pings.Sum(r => r.Errors);
        return
        [
            new FigureRow(
                "3",
                "Orleans-client balancer picks/s, 500 outstanding",
                $"{Format.PerSecond(pick.PerSecond)}, p99 {Format.Milliseconds(pick.Latency.P99)}",
                $"ready-made answer {Format.PerSecond(baseline.PerSecond)}, p99 {Format.Milliseconds(baseline.Latency.P99)}",
                Format.Ratio(ratio),
                $"≥ {Format.Number(Target)}×",
                errors > 0 ? Verdict.Failed : settings.Judge(ratio >= Target),
                $"IBalancerGrain.SelectAsync (round robin, 10 instances) vs IReadyAnswerGrain.AnswerAsync (same arguments, returns a selection of the service's first instance made once: the same answer, no pick), one client in this process, one silo process hosted by this program with the registry's grains; {rounds} pairs of {Format.Number(duration.TotalSeconds)} s rounds, order alternating; rates are medians, the ratio is the median of the pairs' ratios; "
                    + $"CPU per call (2 cores / rate): pick {Format.Number(2e6 / pick.PerSecond, "0.0")} µs, ready answer {Format.Number(2e6 / baseline.PerSecond, "0.0")} µs"
                    + (errors > 0 ? $"; {errors} calls failed" : string.Empty)),
            LocalPickRow(settings),
        ];
    }

    private static FigureRow LocalPickRow(RunSettings settings)
    {
        var summary = BenchmarkDotNetRun.Run<LocalPickBenchmarks>(settings);
        var cells = new List<string>();
        var met = true;
        var failed = false;
        foreach (var report in summary.Reports.OrderBy(r => (int)r.BenchmarkCase.Parameters["Instances"]))
        {
            var instances = (int)report.BenchmarkCase.Parameters["Instances"];
            if (report.ResultStatistics is not { } statistics)
            {
                failed = true;
                continue;
            }

            var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            met &= bytes == 0 && statistics.Mean <= LocalPickTargetNanoseconds;
            cells.Add($"{Format.Number(instances)}: {Format.Nanoseconds(statistics.Mean)}, {bytes.ToString(CultureInfo.InvariantCulture)} B");
        }

        return new FigureRow(
            "3",
            "client library's local pick from its pushed copy (BenchmarkDotNet)",
            string.Join("; ", cells),
            "–",
            "–",
            $"≤ {Format.Number(LocalPickTargetNanoseconds)} ns, 0 B",
            failed || cells.Count == 0 ? Verdict.Failed : settings.Judge(met),
            "the client's cached copy of a service after a push (CachedService): read its selectable instances, pick round robin with its own strategy state; no lease (the caller's InstanceLease is a separate allocation)");
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static LoadResult Median(List<LoadResult> results) => results.OrderBy(r => r.PerSecond).ElementAt(results.Count / 2);
}
