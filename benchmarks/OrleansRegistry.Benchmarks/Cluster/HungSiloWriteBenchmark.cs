using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Cluster;

/// <summary>
/// Figure 9: write latency while one of three silos hangs (SIGSTOP), before the cluster declares it
/// dead. Writes go over HTTP to one silo, to services whose grains live on the silos that still run
/// (a service whose grain is on the hung silo can only be written once failure detection moved it).
/// Baseline: the same writes with every silo running, in the same run.
/// </summary>
internal sealed class HungSiloWriteBenchmark : IFigureBenchmark
{
    private const double TargetMilliseconds = 300;

    public string Name => "hung";

    public string Figures => "9";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        // Quick mode only checks the harness works: it runs on the run's shared cluster of two silos
        // (one hung, one writing), and more services keep some grains on the writer.
        var services = settings.Quick ? 12 : 30;
        var baselineWrites = settings.Quick ? 20 : 200;

        // Well inside failure detection (about 4 s here), so the hung silo is still a member throughout.
        var hangWindow = settings.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2.5);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var cluster = await settings.Processes.AzureClusterAsync(http, 3);
        var silos = cluster.Process.Silos;
        var siloCount = silos.Count;
        var names = Enumerable.Range(0, services).Select(i => "bench-hung-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (var name in names)
        {
            await WriteAsync(http, silos[0], name, 0);
        }

        var hostOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var health = JsonNode.Parse(await http.GetStringAsync(new Uri(silos[0].BaseAddress, $"/services/{name}/health")))!;
            hostOf[name] = (string?)health["silo"] ?? string.Empty;
        }

        // Placement decides where the grains live (resource-optimized placement may put all of
        // them on one silo of two); the silo hung is the one holding fewest, so at least half of
        // the services stay writable, and the writes go through a silo that still runs.
        var hung = silos.MinBy(silo => hostOf.Values.Count(host => Hosts(host, silo)))!;
        var writer = silos.First(silo => silo != hung);
        var free = names.Where(name => !Hosts(hostOf[name], hung)).ToList();

        var baseline = new List<double>();
        for (var i = 0; i < baselineWrites; i++)
        {
            baseline.Add(await WriteAsync(http, writer, free[i % free.Count], i + 1));
        }

        var during = new List<double>();
        await hung.SignalAsync("STOP");
        try
        {
            var window = Stopwatch.StartNew();
            for (var i = 0; window.Elapsed < hangWindow; i++)
            {
                during.Add(await WriteAsync(http, writer, free[i % free.Count], baselineWrites + i + 1));
            }
        }
        finally
        {
            // Quick mode's cluster is shared: whatever happened, the silo runs on.
            await hung.SignalAsync("CONT");
        }

        var all = Percentiles.Of(baseline);
        var hanging = Percentiles.Of(during);
        return
        [
            new FigureRow(
                "9",
                $"write latency while 1 of {siloCount} silos hangs (p50, p99)",
                $"p50 {Format.Milliseconds(hanging.P50)}, p99 {Format.Milliseconds(hanging.P99)}",
                $"all silos running: p50 {Format.Milliseconds(all.P50)}, p99 {Format.Milliseconds(all.P99)}",
                "–",
                "p99 ≤ 300 ms",
                settings.Judge(hanging.P99 <= TargetMilliseconds),
                $"{during.Count} registrations over HTTP in the first {hangWindow.TotalSeconds:0.#} s of a SIGSTOP (before failure detection), "
                    + $"to the {free.Count} of {services} services whose grains are on the running silos; {siloCount} silo processes on Azurite; "
                    + "each write waits at most Registry:Balancer:PublishTimeout (200 ms) for the hung silo's push"),
        ];
    }

    private static bool Hosts(string siloIdentity, SiloProcess silo) =>
        siloIdentity.Contains($":{silo.SiloPort.ToString(CultureInfo.InvariantCulture)}:", StringComparison.Ordinal);

    private static async Task<double> WriteAsync(HttpClient http, SiloProcess writer, string service, int round)
    {
        var body = $$$"""{"host":"10.0.0.1","port":8080,"metadata":{"round":"{{{round.ToString(CultureInfo.InvariantCulture)}}}"}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PutAsync(new Uri(writer.BaseAddress, $"/services/{service}/instances/a"), content);
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
