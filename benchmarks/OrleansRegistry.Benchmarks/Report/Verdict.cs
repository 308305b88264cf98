namespace OrleansRegistry.Benchmarks.Report;

internal enum Verdict
{
    /// <summary>The figure has no target (it gives context to another).</summary>
    None,
    Met,
    Missed,

    /// <summary>Quick mode: the harness ran, targets are not judged on such short runs.</summary>
    NotJudged,

    /// <summary>The benchmark could not run; the note says why.</summary>
    Failed,
}
