using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.Client;

/// <summary>
/// Figure 3: balancer picks per second through an Orleans client with 500 calls outstanding,
/// against a no-op call (<see cref="IRegistryPingGrain"/>, a stateless worker like the balancer)
/// through the same client to the same silo process.
/// </summary>
internal sealed class ClientPickBenchmark : IFigureBenchmark
{
    private const string Service = "bench-client";
    private const int Outstanding = 500;
    private const double Target = 0.9;

    public string Name => "client";

    public string Figures => "3";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        using var http = new HttpClient();
        await using var silo = await SiloProcess.StartAsync(http);
        await using var connection = await OrleansClient.ConnectAsync(silo);
        var client = connection.Client;
        var service = client.GetGrain<IServiceGrain>(Service);
        for (var i = 0; i < 10; i++)
        {
            await service.RegisterAsync(SampleInstances.Create(Service, i));
        }

        var balancer = client.GetGrain<IBalancerGrain>(0);
        var ping = client.GetGrain<IRegistryPingGrain>(0);
        Task Pick() => balancer.SelectAsync(Service, LoadBalancingStrategy.RoundRobin);
        Task Ping() => ping.PingAsync();

        var picks = new List<LoadResult>();
        var pings = new List<LoadResult>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            if (round % 2 == 0)
            {
                picks.Add(await ClosedLoop.RunAsync(Pick, Outstanding, settings.Warmup, settings.Duration));
                pings.Add(await ClosedLoop.RunAsync(Ping, Outstanding, settings.Warmup, settings.Duration));
            }
            else
            {
                pings.Add(await ClosedLoop.RunAsync(Ping, Outstanding, settings.Warmup, settings.Duration));
                picks.Add(await ClosedLoop.RunAsync(Pick, Outstanding, settings.Warmup, settings.Duration));
            }
        }

        var pick = Median(picks);
        var baseline = Median(pings);
        var ratio = pick.PerSecond / baseline.PerSecond;
        var errors = picks.Sum(r => r.Errors) + pings.Sum(r => r.Errors);
        return
        [
            new FigureRow(
                "3",
                "Orleans-client balancer picks/s, 500 outstanding",
                $"{Format.PerSecond(pick.PerSecond)}, p99 {Format.Milliseconds(pick.Latency.P99)}",
                $"no-op grain call {Format.PerSecond(baseline.PerSecond)}, p99 {Format.Milliseconds(baseline.Latency.P99)}",
                Format.Ratio(ratio),
                $"≥ {Format.Number(Target)}×",
                errors > 0 ? Verdict.Failed : settings.Judge(ratio >= Target),
                "IBalancerGrain.SelectAsync (round robin, 10 instances) vs IRegistryPingGrain.PingAsync, one client in this process, one silo process"
                    + (errors > 0 ? $"; {errors} calls failed" : string.Empty)),
        ];
    }

    private static LoadResult Median(List<LoadResult> results) => results.OrderBy(r => r.PerSecond).ElementAt(results.Count / 2);
}
