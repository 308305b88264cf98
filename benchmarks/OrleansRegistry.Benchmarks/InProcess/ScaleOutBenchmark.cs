using System.Diagnostics;
using System.Globalization;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Caching;
using OrleansRegistry.Grains;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>
/// Figure 14: the scale-out shape. Three silos in this process; silo-to-silo messages (Orleans'
/// own sent-message instrument) per read of a service's copy, per balancer pick, and per write,
/// each operation issued on every silo in turn as the HTTP API issues it. Reads and picks answer
/// from the silo's pushed copy; a write is stored by the service grain and pushed to each other
/// silo's copy.
/// </summary>
internal sealed class ScaleOutBenchmark : IFigureBenchmark
{
    private const int Silos = 3;
    private const int ServiceCount = 12;

    public string Name => "scaleout";

    public string Figures => "14";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var operations = settings.Quick ? 3_000 : 30_000;
        var writes = settings.Quick ? 150 : 1_500;
        await using var cluster = await BenchmarkCluster.StartAsync(Silos);
        var names = Enumerable.Range(0, ServiceCount).Select(i => "bench-shape-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (var name in names)
        {
            for (var i = 0; i < 10; i++)
            {
                await cluster.GrainFactory(0).GetGrain<IServiceGrain>(name).RegisterAsync(SampleInstances.Create(name, i));
            }
        }

        var owners = await OwnersAsync(cluster, names);
        var caches = Enumerable.Range(0, Silos).Select(cluster.Cache).ToArray();
        var balancers = Enumerable.Range(0, Silos).Select(cluster.Service<SiloBalancer>).ToArray();

        // Every silo loads each service once (as on its first read) before anything is counted.
        foreach (var name in names)
        {
            for (var silo = 0; silo < Silos; silo++)
            {
                await caches[silo].ReadAsync(name);
                await balancers[silo].SelectAsync(name, LoadBalancingStrategy.RoundRobin);
            }
        }

        using var counter = new SiloMessageCounter();
        var reads = await CountAsync(counter, operations, async i => await caches[i % Silos].ReadAsync(names[i % names.Length]));
        var picks = await CountAsync(counter, operations, async i => await balancers[i % Silos].SelectAsync(names[i % names.Length], LoadBalancingStrategy.RoundRobin));
        var ownWrites = await CountAsync(counter, writes, async i =>
        {
            var name = names[i % names.Length];
            await cluster.GrainFactory(owners[name]).GetGrain<IServiceGrain>(name).RegisterAsync(SampleInstances.Create(name, 100 + (i % 50)));
        });
        var otherWrites = await CountAsync(counter, writes, async i =>
        {
            var name = names[i % names.Length];
            await cluster.GrainFactory((owners[name] + 1) % Silos).GetGrain<IServiceGrain>(name).RegisterAsync(SampleInstances.Create(name, 100 + (i % 50)));
        });

        const double ReadTarget = 0.01;
        var others = Silos - 1;
        var note = $"3 silos in this process, {ServiceCount} services of 10 instances; Orleans' orleans-messaging-sent-messages-size (meter Microsoft.Orleans), connection direction SiloToSilo; the same window with no operation is subtracted (membership pings); ";
        return
        [
            Row("silo-to-silo messages per read (GET /services/{name} path)", reads, operations, $"≤ {Format.Number(ReadTarget)} (0 but the copy's reload)", settings.Judge(reads.Total / (double)operations <= ReadTarget),
                note + $"{Format.Number(operations)} reads spread over the silos; what remains is the copy's reload at most once a second (heartbeat times)"),
            Row("silo-to-silo messages per pick (balancer)", picks, operations, $"≤ {Format.Number(ReadTarget)} (0)", settings.Judge(picks.Total / (double)operations <= ReadTarget),
                note + $"{Format.Number(operations)} round-robin picks through each silo's SiloBalancer"),
            Row("silo-to-silo requests per write, issued on the service grain's silo", ownWrites, writes, $"≤ {others} (one push per other silo)", settings.Judge(ownWrites.Requests / (double)writes <= others + 0.05),
                note + $"{Format.Number(writes)} registrations; each push is a request answered by a response"),
            Row("silo-to-silo requests per write, issued on another silo", otherWrites, writes, $"≤ {others + 1} (the call, then one push per other silo)", settings.Judge(otherWrites.Requests / (double)writes <= others + 1.05),
                note + $"{Format.Number(writes)} registrations through a silo that does not hold the service grain (the HTTP API on another silo)"),
        ];
    }

    private static FigureRow Row(string figure, Messages messages, int operations, string target, Verdict verdict, string note) =>
        new(
            "14",
            figure,
            $"{Format.Number(messages.Requests / (double)operations, "0.000")} requests, {Format.Number(messages.Responses / (double)operations, "0.000")} responses, {Format.Number(messages.OneWay / (double)operations, "0.000")} one-way",
            "–",
            "–",
            target,
            verdict,
            note);

    private static async Task<Messages> CountAsync(SiloMessageCounter counter, int count, Func<int, Task> operation)
    {
        var before = counter.Sent;
        var started = Stopwatch.GetTimestamp();
        await CountedLoad.RunAsync(count, 16, operation);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = counter.Sent;

        // The same length of time with nothing running: what membership and the runtime send anyway.
        await Task.Delay(elapsed);
        var idle = counter.Sent;
        return new Messages(
            Math.Max(0, (after.Requests - before.Requests) - (idle.Requests - after.Requests)),
            Math.Max(0, (after.Responses - before.Responses) - (idle.Responses - after.Responses)),
            Math.Max(0, (after.OneWay - before.OneWay) - (idle.OneWay - after.OneWay)));
    }

    /// <summary>Which silo holds each service's grain, from Orleans' management grain.</summary>
    private static async Task<Dictionary<string, int>> OwnersAsync(BenchmarkCluster cluster, string[] names)
    {
        var statistics = await cluster.GrainFactory(0).GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var silos = Enumerable.Range(0, Silos).ToDictionary(cluster.Address);
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var statistic in statistics)
        {
            var key = statistic.GrainId.Key.ToString();
            if (key is not null && names.Contains(key) && statistic.GrainType.Contains("ServiceGrain", StringComparison.Ordinal) && !statistic.GrainType.Contains("Health", StringComparison.Ordinal))
            {
                owners[key] = silos[statistic.SiloAddress];
            }
        }

        var missing = names.Where(n => !owners.ContainsKey(n)).ToList();
        return missing.Count == 0 ? owners : throw new InvalidOperationException($"no service grain found for {string.Join(", ", missing)}");
    }

    private sealed record Messages(long Requests, long Responses, long OneWay)
    {
        public long Total => Requests + Responses + OneWay;
    }
}
