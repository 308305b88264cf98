using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Http;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Health;

/// <summary>
/// Figure 12: how many instances one silo process checks at a 1 s interval with every probe on
/// time (no id probed again later than interval + 10 %) and every instance staying healthy, in
/// growing steps; against a bare <see cref="HttpClient"/> loop probing the same backend process at
/// the silo's probe concurrency. Also the silo's CPU time per probe.
/// </summary>
internal sealed class ProbeCapacityBenchmark : IFigureBenchmark
{
    private const int InstancesPerService = 100;
    private const int ProbesPerServiceInFlight = 16;
    private const double Target = 0.8;
    private const double OnTimeMilliseconds = 1100;
    private const string Figure = "probe capacity: instances checked per silo at a 1 s interval, all on time and healthy";

    public string Name => "probes";

    public string Figures => "12";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        // From 5,000: the capacity is the last step that held, and the full runs so far held 10,000
        // or more, so a lower step only lengthened the run.
        int[] steps = settings.Quick ? [200] : [5_000, 10_000, 20_000];
        var window = settings.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);
        var settle = settings.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var target = await BareServerProcess.StartAsync(ProbeTargetServer.Command);
        await using var use = await settings.Processes.MemorySiloAsync(http);
        var silo = use.Process;

        var registered = 0;
        Step? onTime = null, first = null, missed = null;
        foreach (var step in steps)
        {
            await RegisterAsync(http, silo, target, registered, step);
            registered = step;

            // The new instances' first rounds (two intervals; one in quick mode), then a measured window.
            await Task.Delay(settle);
            await http.PostAsync(new Uri(target.BaseAddress, "/probe-stats/reset"), content: null);
            var cpuBefore = ProcessCpu.Seconds(silo.ProcessId);
            await Task.Delay(window);
            var (probes, ids, longestGap) = await StatsAsync(http, target);
            var cpu = ProcessCpu.Seconds(silo.ProcessId) - cpuBefore;
            var healthy = await HealthyAsync(http, silo, step);
            var result = new Step(step, probes / window.TotalSeconds, longestGap, healthy, ids, cpu / Math.Max(1, probes));
            first ??= result;
            if (longestGap > OnTimeMilliseconds || healthy < step || ids < step)
            {
                missed = result;
                break;
            }

            onTime = result;
        }

        var capacity = onTime ?? first!;
        var concurrency = Math.Max(ProbesPerServiceInFlight, capacity.Instances / InstancesPerService * ProbesPerServiceInFlight);
        var baseline = await BaselineAsync(target, concurrency, settings);
        if (settings.Quick)
        {
            // Quick mode's silo is shared: its checks stop here rather than probe a stopped target
            // through the figures after this one.
            await DeregisterAsync(http, silo, registered);
        }

        var ratio = onTime is null ? 0 : onTime.PerSecond / baseline.PerSecond;
        return
        [
            new FigureRow(
                "12",
                Figure,
                onTime is null
                    ? $"none on time at {Format.Number(first!.Instances)} (longest gap {Format.Milliseconds(first.LongestGapMilliseconds)}, {first.Healthy} healthy)"
                    : $"≥ {Format.Number(onTime.Instances)} ({Format.PerSecond(onTime.PerSecond)} probes, longest gap {Format.Milliseconds(onTime.LongestGapMilliseconds)}); CPU {Format.Number(onTime.CpuSecondsPerProbe * 1e6, "0")} µs per probe",
                $"bare HttpClient loop, {concurrency} in flight: {Format.PerSecond(baseline.PerSecond)}",
                Format.Ratio(ratio),
                $"≥ {Format.Number(Target)}×",
                baseline.Errors > 0 ? Verdict.Failed : settings.Judge(ratio >= Target),
                $"steps of {string.Join(", ", steps.Select(s => Format.Number(s)))} instances ({InstancesPerService} per service, health URLs on one bare Kestrel process), {Format.Number(window.TotalSeconds)} s measured per step after {Format.Number(settle.TotalSeconds)} s; "
                    + "on time: every instance probed in the window and no id probed again later than 1.1 s after its previous probe; "
                    + (missed is null ? "the last step held, so the capacity is at least that" : $"{Format.Number(missed.Instances)} missed (longest gap {Format.Milliseconds(missed.LongestGapMilliseconds)}, {missed.Ids} ids probed, {missed.Healthy} healthy)")
                    + $"; CPU per probe is the silo process's user + system time over the window divided by the probes; the baseline runs {concurrency} probes in flight (the silo's limit: {ProbesPerServiceInFlight} per service)"),
        ];
    }

    private static async Task RegisterAsync(HttpClient http, SiloProcess silo, BareServerProcess target, int from, int to)
    {
        await CountedLoad.RunAsync(to - from, 32, async offset =>
        {
            var index = from + offset;
            var service = ServiceName(index / InstancesPerService);
            var id = SampleInstances.Id(index);
            var json = string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"host":"127.0.0.1","port":{{target.Port}},"health_check_url":"{{target.BaseAddress}}health/{{service}}-{{id}}"}""");
            using var body = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await http.PutAsync(new Uri(silo.BaseAddress, $"/services/{service}/instances/{id}"), body);
            response.EnsureSuccessStatusCode();
        });
    }

    private static async Task DeregisterAsync(HttpClient http, SiloProcess silo, int instances) =>
        await CountedLoad.RunAsync(instances, 32, async index =>
        {
            using var response = await http.DeleteAsync(new Uri(silo.BaseAddress, $"/services/{ServiceName(index / InstancesPerService)}/instances/{SampleInstances.Id(index)}"));
            response.EnsureSuccessStatusCode();
        });

    private static async Task<int> HealthyAsync(HttpClient http, SiloProcess silo, int instances)
    {
        var healthy = 0;
        for (var service = 0; service * InstancesPerService < instances; service++)
        {
            var list = JsonNode.Parse(await http.GetStringAsync(new Uri(silo.BaseAddress, $"/services/{ServiceName(service)}?healthy=true")))!.AsArray();
            healthy += list.Count;
        }

        return healthy;
    }

    private static async Task<(long Probes, int Ids, double LongestGapMilliseconds)> StatsAsync(HttpClient http, BareServerProcess target)
    {
        var parts = (await http.GetStringAsync(new Uri(target.BaseAddress, "/probe-stats"))).Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static async Task<LoadResult> BaselineAsync(BareServerProcess target, int concurrency, RunSettings settings)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        var next = 0;
        return await ClosedLoop.RunAsync(
            async () =>
            {
                var id = Interlocked.Increment(ref next) % 100_000;
                using var response = await client.GetAsync(new Uri(target.BaseAddress, "/health/baseline-" + id.ToString(CultureInfo.InvariantCulture)));
                response.EnsureSuccessStatusCode();
            },
            concurrency,
            settings.Warmup,
            settings.Quick ? settings.Duration : TimeSpan.FromSeconds(3));
    }

    private static string ServiceName(int service) => "bench-probe-" + service.ToString(CultureInfo.InvariantCulture);

    private sealed record Step(int Instances, double PerSecond, double LongestGapMilliseconds, int Healthy, int Ids, double CpuSecondsPerProbe);
}
