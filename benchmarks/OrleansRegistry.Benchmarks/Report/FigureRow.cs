namespace OrleansRegistry.Benchmarks.Report;

/// <summary>One line of the results table: a measured figure beside its same-run baseline.</summary>
internal sealed record FigureRow(
    string Number,
    string Figure,
    string Measured,
    string Baseline,
    string Ratio,
    string Target,
    Verdict Verdict,
    string Note = "")
{
    public static FigureRow Failure(string number, string figure, string target, Exception exception) =>
        new(number, figure, "–", "–", "–", target, Verdict.Failed, exception.GetType().Name + ": " + FirstLine(exception.Message));

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
