using System.Globalization;
using System.Text;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>
/// Figures 1 and 2: <c>GET /services/{name}</c> (10 instances) and <c>GET /services/{name}/select</c>
/// on a real silo process, each against a bare Kestrel process returning the same bytes, with wrk.
/// </summary>
internal sealed class HttpBenchmark : IFigureBenchmark
{
    private const string Service = "bench-http";
    private const int Instances = 10;

    public string Name => "http";

    public string Figures => "1, 2";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        const string ListFigure = "GET /services/{name} (10 instances)";
        const string SelectFigure = "GET /services/{name}/select";
        if (!WrkRunner.IsInstalled())
        {
            var missing = new InvalidOperationException("wrk is not installed (apt-get install wrk; benchmarks/run.sh installs it)");
            return [FigureRow.Failure("1", ListFigure, "≥ 0.8×", missing), FigureRow.Failure("2", SelectFigure, "≥ 0.75×", missing)];
        }

        using var http = new HttpClient();
        await using var silo = await BenchmarkSilo.StartAsync(http);
        for (var i = 0; i < Instances; i++)
        {
            using var body = new StringContent(SampleInstances.Json(i), Encoding.UTF8, "application/json");
            using var response = await http.PutAsync(new Uri(silo.BaseAddress, $"/services/{Service}/instances/{SampleInstances.Id(i)}"), body);
            response.EnsureSuccessStatusCode();
        }

        var listPath = $"/services/{Service}";
        var selectPath = $"/services/{Service}/select";
        var (listBytes, contentType) = await GetAsync(http, new Uri(silo.BaseAddress, listPath));
        var (selectBytes, _) = await GetAsync(http, new Uri(silo.BaseAddress, selectPath));
        var listFile = Path.GetTempFileName();
        var selectFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(listFile, listBytes);
            await File.WriteAllBytesAsync(selectFile, selectBytes);
            var barePort = FreePorts.Next();
            await using var bare = ChildProcess.Start("dotnet", [
                RepositoryPaths.BenchmarkDll, BareEndpointServer.Command,
                barePort.ToString(CultureInfo.InvariantCulture), contentType, listFile, selectFile,
            ]);
            var bareBase = new Uri($"http://127.0.0.1:{barePort.ToString(CultureInfo.InvariantCulture)}");
            await Eventually.TrueAsync(() => Task.FromResult(FreePorts.IsListening(barePort) || bare.HasExited), TimeSpan.FromSeconds(30), "the bare endpoint to listen");
            if (bare.HasExited)
            {
                throw new InvalidOperationException($"the bare endpoint exited:\n{bare.Output}");
            }

            var list = await CompareAsync(settings, new Uri(silo.BaseAddress, listPath), new Uri(bareBase, listPath));
            var select = await CompareAsync(settings, new Uri(silo.BaseAddress, selectPath), new Uri(bareBase, selectPath));
            return
            [
                Row("1", ListFigure, list, 0.8, settings, $"{listBytes.Length} B answer"),
                Row("2", SelectFigure, select, 0.75, settings, $"{selectBytes.Length} B answer, round robin"),
            ];
        }
        finally
        {
            File.Delete(listFile);
            File.Delete(selectFile);
        }
    }

    private static FigureRow Row(string number, string figure, (WrkResult Subject, WrkResult Baseline) result, double target, RunSettings settings, string what)
    {
        var ratio = result.Subject.RequestsPerSecond / result.Baseline.RequestsPerSecond;
        var errors = result.Subject.Errors + result.Baseline.Errors;
        var note = $"{what}; wrk -t{WrkRunner.Threads} -c{WrkRunner.Connections}; p99 ratio (baseline/registry) {Format.Ratio(result.Baseline.P99Milliseconds / result.Subject.P99Milliseconds)}"
            + (errors > 0 ? $"; {errors} failed responses" : string.Empty);
        return new FigureRow(
            number,
            figure + " req/s, p99",
            $"{Format.PerSecond(result.Subject.RequestsPerSecond)}, p99 {Format.Milliseconds(result.Subject.P99Milliseconds)}",
            $"bare Kestrel {Format.PerSecond(result.Baseline.RequestsPerSecond)}, p99 {Format.Milliseconds(result.Baseline.P99Milliseconds)}",
            Format.Ratio(ratio),
            $"≥ {Format.Number(target)}×",
            errors > 0 ? Verdict.Failed : settings.Judge(ratio >= target),
            note);
    }

    /// <summary>Alternates registry and baseline runs (which goes first swaps each round) and keeps the median round of each.</summary>
    private static async Task<(WrkResult Subject, WrkResult Baseline)> CompareAsync(RunSettings settings, Uri subject, Uri baseline)
    {
        await WrkRunner.RunAsync(subject, settings.Warmup + TimeSpan.FromSeconds(1));
        await WrkRunner.RunAsync(baseline, settings.Warmup + TimeSpan.FromSeconds(1));
        var subjects = new List<WrkResult>();
        var baselines = new List<WrkResult>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            if (round % 2 == 0)
            {
                subjects.Add(await WrkRunner.RunAsync(subject, settings.Duration));
                baselines.Add(await WrkRunner.RunAsync(baseline, settings.Duration));
            }
            else
            {
                baselines.Add(await WrkRunner.RunAsync(baseline, settings.Duration));
                subjects.Add(await WrkRunner.RunAsync(subject, settings.Duration));
            }
        }

        return (Median(subjects), Median(baselines));
    }

    private static WrkResult Median(List<WrkResult> results)
    {
        var byRate = results.OrderBy(r => r.RequestsPerSecond).ToList();
        var byP99 = results.OrderBy(r => r.P99Milliseconds).ToList();
        return new WrkResult(byRate[byRate.Count / 2].RequestsPerSecond, byP99[byP99.Count / 2].P99Milliseconds, results.Sum(r => r.Errors));
    }

    private static async Task<(byte[] Body, string ContentType)> GetAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var contentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        return (await response.Content.ReadAsByteArrayAsync(), contentType);
    }
}
