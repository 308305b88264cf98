using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ARSoft.Tools.Net.Dns;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Http;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Dns;

/// <summary>
/// Figure 15: DNS queries per second on one silo process (A records of a service of 10 instances,
/// over UDP) against a bare ARSoft.Tools.Net server process answering the same records; and how
/// long a change takes to show in the DNS answers of both silos of a 2-silo cluster.
/// </summary>
internal sealed class DnsBenchmark : IFigureBenchmark
{
    private const string Service = "bench-dns";
    private const string QueryName = Service + ".service.registry";
    private const int Outstanding = 64;
    private const double TargetRatio = 0.8;
    private const double TargetP99Milliseconds = 100;

    public string Name => "dns";

    public string Figures => "15";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var query = DnsQueryPacket.Encode(QueryName, DnsQueryPacket.TypeA);
        var duration = settings.Quick ? settings.Duration : TimeSpan.FromSeconds(3);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        LoadResult silo, bare;
        Percentiles changes;
        string clusterState;
        if (settings.Quick)
        {
            // Quick mode only checks the harness works: the queries go to the first silo of the run's
            // shared cluster, and its two silos give the change latency.
            await using var cluster = await settings.Processes.AzureClusterAsync(http, 2);
            (silo, bare) = await CompareOnAsync(http, settings, duration, cluster.Process.Silos[0], query);
            changes = await ChangeLatencyAsync(http, cluster.Process.Silos, 10);
            clusterState = cluster.Process.StateDescription;
        }
        else
        {
            await using (var process = await BenchmarkSilo.StartAsync(http))
            {
                (silo, bare) = await CompareOnAsync(http, settings, duration, process, query);
            }

            // State in memory: the figure measures propagation, not a storage write.
            await using var cluster = await SiloProcessCluster.StartAsync(http, await settings.Processes.AzuriteAsync(), 2, ClusterState.Memory);
            changes = await ChangeLatencyAsync(http, cluster.Silos, 100);
            clusterState = cluster.StateDescription;
        }

        var ratio = silo.PerSecond / bare.PerSecond;
        return
        [
            new FigureRow(
                "15",
                "DNS queries/s on one silo (A, 10 instances, UDP), p99",
                $"{Format.PerSecond(silo.PerSecond)}, p99 {Format.Milliseconds(silo.Latency.P99)}",
                $"bare ARSoft.Tools.Net server {Format.PerSecond(bare.PerSecond)}, p99 {Format.Milliseconds(bare.Latency.P99)}",
                Format.Ratio(ratio),
                $"≥ {Format.Number(TargetRatio)}×",
                silo.Errors + bare.Errors > 0 ? Verdict.Failed : settings.Judge(ratio >= TargetRatio),
                $"{QueryName} A from {Outstanding} UDP sockets with one query each in flight, in this process; {Format.Number(duration.TotalSeconds)} s rounds alternating, medians; the baseline answers every question with the records the silo gave (same library, same answer)"
                    + (silo.Errors + bare.Errors > 0 ? $"; {silo.Errors + bare.Errors} queries unanswered or wrong" : string.Empty)),
            new FigureRow(
                "15",
                "change → DNS answers of both of 2 silos",
                $"p50 {Format.Milliseconds(changes.P50)}, p99 {Format.Milliseconds(changes.P99)}",
                "–",
                "–",
                $"p99 ≤ {Format.Number(TargetP99Milliseconds)} ms",
                settings.Judge(changes.P99 <= TargetP99Milliseconds),
                $"two silo processes of one cluster (membership in Azurite, {clusterState}); a registration or deregistration over HTTP through either silo in turn, then both silos asked over UDP until their A answer shows it; timed from sending the change, one sample per silo and change"),
        ];
    }

    private static async Task<(LoadResult Silo, LoadResult Bare)> CompareOnAsync(HttpClient http, RunSettings settings, TimeSpan duration, SiloProcess process, byte[] query)
    {
        using var recorded = await RecordedAnswers.RecordAsync(http, process.BaseAddress, Service, 10);
        var answerFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(answerFile, await AskAsync(process.DnsPort, query));
            await using var server = await StartBareDnsAsync(answerFile, query);
            return await CompareAsync(settings, duration, process.DnsPort, server.Port, query);
        }
        finally
        {
            File.Delete(answerFile);
        }
    }

    private static async Task<BareServerProcess> StartBareDnsAsync(string answerFile, byte[] query)
    {
        // The baseline listens on UDP only, which FreePorts' TCP check cannot see: wait for its first answer.
        var server = await BareServerProcess.StartWithoutListeningCheckAsync(BareDnsServer.Command, answerFile);
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    try
                    {
                        return (await AskAsync(server.Port, query, TimeSpan.FromMilliseconds(200))).Length > 0;
                    }
                    catch (Exception exception) when (exception is OperationCanceledException or SocketException)
                    {
                        // Not bound yet: the port refuses (ICMP unreachable) or stays silent.
                        return server.HasExited ? throw new InvalidOperationException($"the bare DNS server exited:\n{server.Output}") : false;
                    }
                },
                TimeSpan.FromSeconds(30),
                "the bare DNS server to answer");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private static async Task<(LoadResult Silo, LoadResult Bare)> CompareAsync(RunSettings settings, TimeSpan duration, int siloPort, int barePort, byte[] query)
    {
        await DnsLoad.RunAsync(siloPort, query, Outstanding, settings.Warmup, settings.Warmup);
        await DnsLoad.RunAsync(barePort, query, Outstanding, settings.Warmup, settings.Warmup);
        var silo = new List<LoadResult>();
        var bare = new List<LoadResult>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            if (round % 2 == 0)
            {
                silo.Add(await DnsLoad.RunAsync(siloPort, query, Outstanding, settings.Warmup, duration));
                bare.Add(await DnsLoad.RunAsync(barePort, query, Outstanding, settings.Warmup, duration));
            }
            else
            {
                bare.Add(await DnsLoad.RunAsync(barePort, query, Outstanding, settings.Warmup, duration));
                silo.Add(await DnsLoad.RunAsync(siloPort, query, Outstanding, settings.Warmup, duration));
            }
        }

        return (Median(silo), Median(bare));
    }

    private static async Task<Percentiles> ChangeLatencyAsync(HttpClient http, IReadOnlyList<SiloProcess> silos, int changes)
    {
        for (var i = 0; i < 10; i++)
        {
            await PutAsync(http, silos[0], i);
        }

        var samples = new List<double>();
        for (var change = 0; change < changes; change++)
        {
            var writer = silos[change % silos.Count];
            var index = 10 + (change / 2);
            var adding = change % 2 == 0;
            var address = IPAddress.Parse(SampleInstances.Host(index));
            var started = Stopwatch.GetTimestamp();
            var write = adding
                ? PutAsync(http, writer, index)
                : http.DeleteAsync(new Uri(writer.BaseAddress, $"/services/{Service}/instances/{SampleInstances.Id(index)}"));
            var seen = silos.Select(async silo =>
            {
                var query = DnsQueryPacket.Encode(QueryName, DnsQueryPacket.TypeA);
                while (true)
                {
                    var answer = DnsMessage.Parse(await AskAsync(silo.DnsPort, query));
                    var present = answer.AnswerRecords.OfType<ARecord>().Any(record => record.Address.Equals(address));
                    if (present == adding)
                    {
                        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }

                    if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                    {
                        throw new TimeoutException($"silo on port {silo.HttpPort} still answers {(adding ? "without" : "with")} {address} after 30 s");
                    }
                }
            }).ToList();
            samples.AddRange(await Task.WhenAll(seen));
            using var written = await write;
            written.EnsureSuccessStatusCode();
        }

        return Percentiles.Of(samples);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient http, SiloProcess silo, int index)
    {
        var body = new StringContent(SampleInstances.Json(index), Encoding.UTF8, "application/json");
        return http.PutAsync(new Uri(silo.BaseAddress, $"/services/{Service}/instances/{SampleInstances.Id(index)}"), body);
    }

    private static async Task<byte[]> AskAsync(int port, byte[] query, TimeSpan? timeout = null)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        await socket.SendAsync(query, SocketFlags.None, cancel.Token);
        var buffer = new byte[1500];
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
        return buffer[..read];
    }

    private static LoadResult Median(List<LoadResult> results) => results.OrderBy(r => r.PerSecond).ElementAt(results.Count / 2);
}
