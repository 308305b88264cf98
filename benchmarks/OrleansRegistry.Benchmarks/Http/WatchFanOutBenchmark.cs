using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>
/// Figure 11: N blocking queries on one service, each on its own connection, then one change
/// (a registration over HTTP): how long until the last is answered, against a bare Kestrel process
/// that releases N waiting requests on one signal and answers them the same bytes.
/// </summary>
internal sealed class WatchFanOutBenchmark : IFigureBenchmark
{
    private const string Service = "bench-watch";
    private const double TargetRatio = 1.5;
    private const double TargetP99Milliseconds = 250;
    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(60);

    public string Name => "watch";

    public string Figures => "11";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        int[] sizes = settings.Quick ? [100, 1000] : [1000, 10_000];
        using var http = new HttpClient();
        await using var use = await settings.Processes.MemorySiloAsync(http);
        var silo = use.Process;
        using var answers = await RecordedAnswers.RecordAsync(http, silo.BaseAddress, Service, 10);
        var answerFile = Path.GetTempFileName();
        await File.WriteAllBytesAsync(answerFile, answers.List);
        try
        {
            await using var bare = await BareServerProcess.StartAsync(BareWatchServer.Command, answers.ContentType, answerFile);
            var change = 10;
            var rows = new List<FigureRow>();
            foreach (var size in sizes)
            {
                // Warm both sides with a small fan-out first, so the first measured one does not pay for the JIT.
                if (size == sizes[0])
                {
                    await RegistryFanOutAsync(http, silo, 100, change++);
                    await BareFanOutAsync(http, bare, 100);
                }

                var registry = await RegistryFanOutAsync(http, silo, size, change++);
                var baseline = await BareFanOutAsync(http, bare, size);
                var ratio = registry.Max / baseline.Max;
                var met = ratio <= TargetRatio && (size < 10_000 || registry.P99 <= TargetP99Milliseconds);
                rows.Add(new FigureRow(
                    "11",
                    $"watch fan-out: {Format.Number(size)} blocking queries, one change → last answered",
                    $"last {Format.Milliseconds(registry.Max)}, p50 {Format.Milliseconds(registry.P50)}, p99 {Format.Milliseconds(registry.P99)}",
                    $"bare Kestrel releasing {Format.Number(size)} on one signal: last {Format.Milliseconds(baseline.Max)}, p99 {Format.Milliseconds(baseline.P99)}",
                    Format.Ratio(ratio),
                    size >= 10_000 ? $"≤ {Format.Number(TargetRatio)}×, p99 ≤ {Format.Number(TargetP99Milliseconds)} ms" : $"≤ {Format.Number(TargetRatio)}×",
                    settings.Judge(met),
                    $"each query on its own connection (plain sockets in this process), all parked before the change (the silo's registry.blocking_queries gauge, the baseline's own count); timed from sending the change (a PUT of an instance; the baseline's POST /release) to each answer's first bytes; {answers.List.Length} B answer; ratio of the last answers' times"));
            }

            return rows;
        }
        finally
        {
            File.Delete(answerFile);
        }
    }

    private static async Task<Percentiles> RegistryFanOutAsync(HttpClient http, SiloProcess silo, int count, int change)
    {
        using var list = await http.GetAsync(new Uri(silo.BaseAddress, $"/services/{Service}"));
        list.EnsureSuccessStatusCode();
        var index = list.Headers.GetValues("X-Registry-Index").Single();
        using var parked = await ParkedRequests.SendAsync(silo.BaseAddress, $"/services/{Service}?index={index}&wait=2m", count);
        await Eventually.TrueAsync(async () => await SiloWaitingAsync(http, silo) >= count, TimeSpan.FromSeconds(60), $"{count} blocking queries to wait on the silo");
        var started = Stopwatch.GetTimestamp();
        using var body = new StringContent(SampleInstances.Json(change), Encoding.UTF8, "application/json");
        using var put = await http.PutAsync(new Uri(silo.BaseAddress, $"/services/{Service}/instances/{SampleInstances.Id(change)}"), body);
        put.EnsureSuccessStatusCode();
        return Since(started, await parked.AnsweredAtAsync(AnswerDeadline));
    }

    private static async Task<Percentiles> BareFanOutAsync(HttpClient http, BareServerProcess bare, int count)
    {
        using var parked = await ParkedRequests.SendAsync(bare.BaseAddress, $"/services/{Service}", count);
        await Eventually.TrueAsync(
            async () => int.Parse(await http.GetStringAsync(new Uri(bare.BaseAddress, "/waiting")), CultureInfo.InvariantCulture) >= count,
            TimeSpan.FromSeconds(60),
            $"{count} requests to wait on the baseline");
        var started = Stopwatch.GetTimestamp();
        using var release = await http.PostAsync(new Uri(bare.BaseAddress, "/release"), content: null);
        release.EnsureSuccessStatusCode();
        return Since(started, await parked.AnsweredAtAsync(AnswerDeadline));
    }

    /// <summary>Blocking queries waiting on the silo, from its Prometheus endpoint.</summary>
    private static async Task<long> SiloWaitingAsync(HttpClient http, SiloProcess silo)
    {
        var text = await http.GetStringAsync(new Uri(silo.BaseAddress, "/metrics"));
        return text.Split('\n')
            .Where(line => line.StartsWith("registry_blocking_queries", StringComparison.Ordinal))
            .Sum(line => (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static Percentiles Since(long started, long[] answeredAt) =>
        Percentiles.Of(answeredAt.Select(at => Stopwatch.GetElapsedTime(started, at).TotalMilliseconds).ToList());
}
