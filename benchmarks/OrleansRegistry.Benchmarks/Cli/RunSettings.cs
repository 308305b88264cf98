using OrleansRegistry.Benchmarks.Report;

namespace OrleansRegistry.Benchmarks.Cli;

/// <summary>How long and how big each benchmark runs: full runs for the table, quick runs to keep the harness working.</summary>
internal sealed record RunSettings(bool Quick)
{
    /// <summary>Measured rounds; subject and baseline alternate within each, and the median round is reported.</summary>
    public int Rounds => Quick ? 1 : 3;

    /// <summary>Warm-up before a figure's first round (wrk's warm-up runs this plus a second), and the ramp before each DNS round.</summary>
    public TimeSpan Warmup => Quick ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(1);

    /// <summary>One measured round of wrk (figures 1 and 2) and of the heartbeats (figure 5); in quick mode, of every timed figure.</summary>
    public TimeSpan Duration => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(4);

    public Verdict Judge(bool met) => Quick ? Verdict.NotJudged : met ? Verdict.Met : Verdict.Missed;
}
