using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Storage;

/// <summary>
/// Figure 13: start-up of a silo over services stored in Azure Storage (Azurite). A first silo
/// stores 10,000 services (one instance each) and stops; a second silo process of the same
/// cluster starts, and every service is read through it (64 in flight): services per second from
/// the process's start until the last service answered, with its readiness time.
/// </summary>
internal sealed class StartupLoadBenchmark : IFigureBenchmark
{
    private const int Concurrency = 64;

    public string Name => "startup";

    public string Figures => "13";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var services = settings.Quick ? 50 : 10_000;
        var azurite = await settings.Processes.AzuriteAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var clusterId = "bench-start-" + Guid.NewGuid().ToString("N")[..8];
        var launch = new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, clusterId) { AzureConnectionString = azurite.ConnectionString };

        double stored;
        await using (var writer = SiloProcess.Start(launch))
        {
            await writer.WaitReadyAsync(http);
            stored = await CountedLoad.RunAsync(services, Concurrency, async index =>
            {
                using var body = new StringContent(SampleInstances.Json(index), Encoding.UTF8, "application/json");
                using var response = await http.PutAsync(new Uri(writer.BaseAddress, $"/services/{ServiceName(index)}/instances/{SampleInstances.Id(0)}"), body);
                response.EnsureSuccessStatusCode();
            });
            await writer.TerminateAsync();
        }

        var started = Stopwatch.GetTimestamp();
        await using var reader = SiloProcess.Start(launch);
        await reader.WaitReadyAsync(http);
        var ready = Stopwatch.GetElapsedTime(started);
        var missing = 0;
        await CountedLoad.RunAsync(services, Concurrency, async index =>
        {
            using var response = await http.GetAsync(new Uri(reader.BaseAddress, $"/services/{ServiceName(index)}"));
            response.EnsureSuccessStatusCode();
            if ((await response.Content.ReadAsStringAsync()).Length < 10)
            {
                Interlocked.Increment(ref missing);
            }
        });
        var total = Stopwatch.GetElapsedTime(started);
        var loading = total - ready;
        return
        [
            new FigureRow(
                "13",
                $"start-up of a silo over {Format.Number(services)} services stored in Azurite: services/s",
                $"{Format.PerSecond(services / total.TotalSeconds)} from process start ({Format.PerSecond(services / loading.TotalSeconds)} once ready)",
                "–",
                "–",
                "– (reported)",
                missing > 0 ? Verdict.Failed : Verdict.None,
                $"a first silo stored {Format.Number(services)} services of one instance over HTTP ({Format.PerSecond(stored)}) and stopped; a second silo process of the cluster started: ready after {Format.Number(ready.TotalSeconds, "0.0")} s, every service read through it ({Concurrency} in flight) after {Format.Number(total.TotalSeconds, "0.0")} s; each first read activates the service grain, which loads its row, and fills the silo's copy"
                    + (missing > 0 ? $"; {missing} services came back empty" : string.Empty)),
        ];
    }

    private static string ServiceName(int index) => "bench-start-" + index.ToString(CultureInfo.InvariantCulture);
}
