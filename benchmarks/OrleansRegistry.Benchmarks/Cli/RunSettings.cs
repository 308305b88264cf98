using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Cli;

/// <summary>How long and how big each benchmark runs (full runs for the table, quick runs to keep the harness working), and the processes it runs against.</summary>
internal sealed record RunSettings(bool Quick, RunProcesses Processes)
{
    /// <summary>Measured rounds; subject and baseline alternate within each, and the median round is reported.</summary>
    public int Rounds => Quick ? 1 : 3;

    /// <summary>Warm-up before a figure's first round (wrk's warm-up runs this plus a second), and the ramp before each DNS round.</summary>
    public TimeSpan Warmup => Quick ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(1);

    /// <summary>
    /// One measured round of wrk (figures 1 and 2), of the heartbeats (figure 5) and of the closed
    /// loops; in quick mode, of every timed figure (wrk rounds it up to its shortest run, a second).
    /// </summary>
    public TimeSpan Duration => Quick ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(4);

    public Verdict Judge(bool met) => Quick ? Verdict.NotJudged : met ? Verdict.Met : Verdict.Missed;
}
