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
        await using var use = await settings.Processes.MemorySiloAsync(http);
        var silo = use.Process;
        using var answers = await RecordedAnswers.RecordAsync(http, silo.BaseAddress, Service, Instances);
        await using var bare = await answers.StartBareServerAsync();
        var listPath = $"/services/{Service}";
        var selectPath = $"/services/{Service}/select";
        var list = await WrkComparison.CompareAsync(settings, new Uri(silo.BaseAddress, listPath), new Uri(bare.BaseAddress, listPath));
        var select = await WrkComparison.CompareAsync(settings, new Uri(silo.BaseAddress, selectPath), new Uri(bare.BaseAddress, selectPath));
        return
        [
            Row("1", ListFigure, list, 0.8, settings, $"{answers.List.Length} B answer"),
            Row("2", SelectFigure, select, 0.75, settings, $"{answers.Select.Length} B answer, round robin"),
        ];
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
}
