namespace OrleansRegistry.Tests.Support;

/// <summary>What one run of the CLI did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>The one output line that mentions <paramref name="text"/> (a table row, say); fails when there is not exactly one.</summary>
    public string LineWith(string text)
    {
        var lines = Stdout.Split('\n').Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected one line with '{text}' in:\n{this}");
        return lines[0];
    }

    /// <summary>The cells of the one table row that mentions <paramref name="text"/>, trimmed, borders dropped.</summary>
    public IReadOnlyList<string> RowWith(string text) =>
        LineWith(text).Split(TableBorders).Select(cell => cell.Trim()).Where(cell => cell.Length > 0).ToArray();

    private static readonly char[] TableBorders = ['│', '|'];

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
