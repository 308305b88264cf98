using OrleansRegistry.Benchmarks.Cli;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>Registry against baseline with wrk: warmed (except in quick mode), then rounds that alternate which goes first, keeping the median round of each.</summary>
internal static class WrkComparison
{
    public static Task<(WrkResult Subject, WrkResult Baseline)> CompareAsync(RunSettings settings, Uri subject, Uri baseline) =>
        CompareAsync(settings, settings.Duration, subject, baseline, (url, duration) => WrkRunner.RunAsync(url, duration));

    /// <param name="warmup">The warm-up run's length; null for the settings' warm-up plus a second; quick mode runs none.</param>
    public static async Task<(WrkResult Subject, WrkResult Baseline)> CompareAsync(
        RunSettings settings, TimeSpan duration, Uri subject, Uri baseline, Func<Uri, TimeSpan, Task<WrkResult>> run, TimeSpan? warmup = null)
    {
        // Quick mode runs no warm-up: wrk's shortest run is a whole second, and quick runs only check the harness works.
        if (!settings.Quick)
        {
            await run(subject, warmup ?? settings.Warmup + TimeSpan.FromSeconds(1));
            await run(baseline, warmup ?? settings.Warmup + TimeSpan.FromSeconds(1));
        }

        var subjects = new List<WrkResult>();
        var baselines = new List<WrkResult>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            if (round % 2 == 0)
            {
                subjects.Add(await run(subject, duration));
                baselines.Add(await run(baseline, duration));
            }
            else
            {
                baselines.Add(await run(baseline, duration));
                subjects.Add(await run(subject, duration));
            }
        }

        return (Median(subjects), Median(baselines));
    }

    public static WrkResult Median(IReadOnlyList<WrkResult> results)
    {
        var byRate = results.OrderBy(r => r.RequestsPerSecond).ToList();
        var byP99 = results.OrderBy(r => r.P99Milliseconds).ToList();
        return new WrkResult(byRate[byRate.Count / 2].RequestsPerSecond, byP99[byP99.Count / 2].P99Milliseconds, results.Sum(r => r.Errors));
    }
}
