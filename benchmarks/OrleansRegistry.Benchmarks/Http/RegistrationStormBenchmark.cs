using System.Globalization;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>
/// Figure 10: a registration storm over HTTP (PUT of 1,000 services × 10 instances, 64
/// connections, memory storage) on one silo process against a bare Kestrel process that reads and
/// deserializes the same bodies and answers the same bytes; then the same storm through three silo
/// processes of one cluster (membership in Azurite, grain state in memory), a third of the
/// connections on each. wrk with a Lua script generates the load: a C load generator that spends
/// little of the shared cores, so the figure measures the servers rather than the generator.
/// </summary>
internal sealed class RegistrationStormBenchmark : IFigureBenchmark
{
    // The single silo's warm-up must create all 10,000 instances (about 2 s at its rate here), or the
    // measured rounds pay for first registrations instead of the changes they are meant to measure.
    private static readonly TimeSpan SingleSiloWarmup = TimeSpan.FromSeconds(3);

    private const int Services = 1000;
    private const int InstancesPerService = 10;
    private const double Target = 0.5;
    private const string Figure = "registration storm over HTTP (1,000 services × 10 instances, 64 connections)";

    public string Name => "storm";

    public string Figures => "10";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        if (!WrkRunner.IsInstalled())
        {
            var missing = new InvalidOperationException("wrk is not installed (apt-get install wrk; benchmarks/run.sh installs it)");
            return [FigureRow.Failure("10", Figure, $"≥ {Format.Number(Target)}×", missing)];
        }

        // Quick mode: wrk's shortest run.
        var duration = settings.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);
        var script = StormScript.WriteToTemporaryFile();
        try
        {
            double siloCpu, bareCpu;
            using var http = new HttpClient();
            (WrkResult Subject, WrkResult Baseline) single;
            var cpu = new Dictionary<Uri, (double Seconds, double Requests)>();
            await using (var use = await settings.Processes.MemorySiloAsync(http))
            {
                var silo = use.Process;
                using var answers = await RecordedAnswers.RecordAsync(http, silo.BaseAddress, "bench-storm-record", 1);
                await using var bare = await answers.StartBareServerAsync();
                var processes = new Dictionary<Uri, int> { [silo.BaseAddress] = silo.ProcessId, [bare.BaseAddress] = bare.ProcessId };
                var round = 0;
                async Task<WrkResult> Storm(Uri url, TimeSpan length)
                {
                    var before = ProcessCpu.Seconds(processes[url]);
                    var result = await WrkRunner.RunAsync(url, length, script: script, scriptArguments: StormArguments(round++, 0, 1, WrkRunner.Threads));
                    var (seconds, requests) = cpu.GetValueOrDefault(url);
                    cpu[url] = (seconds + ProcessCpu.Seconds(processes[url]) - before, requests + (result.RequestsPerSecond * length.TotalSeconds));
                    return result;
                }

                single = await WrkComparison.CompareAsync(settings, duration, silo.BaseAddress, bare.BaseAddress, Storm, SingleSiloWarmup);
                (siloCpu, bareCpu) = (CpuPerRequest(cpu[silo.BaseAddress]), CpuPerRequest(cpu[bare.BaseAddress]));
            }

            var ratio = single.Subject.RequestsPerSecond / single.Baseline.RequestsPerSecond;
            var errors = single.Subject.Errors + single.Baseline.Errors;
            var singleRow = new FigureRow(
                "10",
                Figure + ", one silo: PUT/s, p99",
                $"{Format.PerSecond(single.Subject.RequestsPerSecond)}, p99 {Format.Milliseconds(single.Subject.P99Milliseconds)}",
                $"bare Kestrel {Format.PerSecond(single.Baseline.RequestsPerSecond)}, p99 {Format.Milliseconds(single.Baseline.P99Milliseconds)}",
                Format.Ratio(ratio),
                $"≥ {Format.Number(Target)}×",
                errors > 0 ? Verdict.Failed : settings.Judge(ratio >= Target),
                $"wrk -t{WrkRunner.Threads} -c{WrkRunner.Connections} with a Lua script, {Format.Number(duration.TotalSeconds)} s rounds {(settings.Quick ? "without warm-up" : "after a warm-up round that creates the instances")}; every PUT changes the instance's version in the metadata (a deploy rolling the fleet); "
                    + "the baseline deserializes each body into the registry's document type and answers a recorded registration; "
                    + $"process CPU time per PUT (user + system, all rounds): silo {Format.Number(siloCpu * 1e6, "0")} µs, baseline {Format.Number(bareCpu * 1e6, "0")} µs"
                    + (errors > 0 ? $"; {errors} failed responses" : string.Empty));

            // The three-silo row is context, not a target: quick mode, which only checks the harness
            // works, spares it the cluster's four extra processes.
            if (settings.Quick)
            {
                return [singleRow, new FigureRow("10", Figure + ", 3 silos: PUT/s, p99", "–", "–", "–", "– (context)", Verdict.None, "skipped in quick mode")];
            }

            var cluster = await ClusterStormAsync(http, settings, duration, script);
            var clusterRatio = cluster.RequestsPerSecond / single.Baseline.RequestsPerSecond;
            return
            [
                singleRow,
                new FigureRow(
                    "10",
                    Figure + ", 3 silos: PUT/s, p99",
                    $"{Format.PerSecond(cluster.RequestsPerSecond)}, p99 {Format.Milliseconds(cluster.P99Milliseconds)}",
                    $"bare Kestrel {Format.PerSecond(single.Baseline.RequestsPerSecond)} (above)",
                    Format.Ratio(clusterRatio),
                    "– (context)",
                    cluster.Errors > 0 ? Verdict.Failed : Verdict.None,
                    "three silo processes of one cluster (membership in Azurite, grain state in Orleans' memory storage), one wrk process per silo with a third of the connections; most writes go to a service grain on another silo; "
                        + $"rates summed, p99 the worst of the three; one silo alone: {Format.PerSecond(single.Subject.RequestsPerSecond)}"
                        + (cluster.Errors > 0 ? $"; {cluster.Errors} failed responses" : string.Empty)),
            ];
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<WrkResult> ClusterStormAsync(HttpClient http, RunSettings settings, TimeSpan duration, string script)
    {
        await using var cluster = await SiloProcessCluster.StartAsync(http, await settings.Processes.AzuriteAsync(), 3, ClusterState.Memory);
        var silos = cluster.Silos;
        var results = new List<WrkResult>();
        for (var round = -1; round < settings.Rounds; round++)
        {
            var length = round < 0 ? settings.Warmup + TimeSpan.FromSeconds(1) : duration;
            var runs = silos.Select((silo, index) => WrkRunner.RunAsync(
                silo.BaseAddress, length, threads: 1, connections: (WrkRunner.Connections + 2 - index) / 3, script: script,
                scriptArguments: StormArguments(round + 1, index, silos.Count, 1))).ToList();
            var parts = await Task.WhenAll(runs);
            if (round >= 0)
            {
                results.Add(new WrkResult(parts.Sum(p => p.RequestsPerSecond), parts.Max(p => p.P99Milliseconds), parts.Sum(p => p.Errors)));
            }
        }

        return WrkComparison.Median(results);
    }

    private static double CpuPerRequest((double Seconds, double Requests) total) => total.Seconds / Math.Max(1, total.Requests);

    /// <summary>Every run registers the same services (the first run, a warm-up, creates them); each starts a new range of versions, so every PUT is a change.</summary>
    private static string[] StormArguments(int run, int process, int processes, int threads) =>
    [
        "storm",
        Services.ToString(CultureInfo.InvariantCulture),
        InstancesPerService.ToString(CultureInfo.InvariantCulture),
        process.ToString(CultureInfo.InvariantCulture),
        processes.ToString(CultureInfo.InvariantCulture),
        threads.ToString(CultureInfo.InvariantCulture),
        (run * 1000).ToString(CultureInfo.InvariantCulture),
    ];
}
