using OrleansRegistry.Benchmarks.Report;

namespace OrleansRegistry.Benchmarks.Cli;

/// <summary>How long and how big each benchmark runs: full runs for the table, quick runs to keep the harness working.</summary>
internal sealed record RunSettings(bool Quick)
{
    /// <summary>Measured rounds; subject and baseline alternate within each, and the median round is reported.</summary>
    public int Rounds => Quick ? 1 : 3;

    public TimeSpan Warmup => Quick ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(2);

    public TimeSpan Duration => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);

    public Verdict Judge(bool met) => Quick ? Verdict.NotJudged : met ? Verdict.Met : Verdict.Missed;
}
