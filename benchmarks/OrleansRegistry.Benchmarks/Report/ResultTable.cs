using System.Text;

namespace OrleansRegistry.Benchmarks.Report;

/// <summary>The results as a Markdown table, with a note under it for each row that has one.</summary>
internal static class ResultTable
{
    public static string Render(IReadOnlyList<FigureRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| # | figure | measured | baseline (same run) | ratio | target | verdict |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.Append("| ").Append(row.Number)
                .Append(" | ").Append(Escape(row.Figure))
                .Append(" | ").Append(Escape(row.Measured))
                .Append(" | ").Append(Escape(row.Baseline))
                .Append(" | ").Append(row.Ratio)
                .Append(" | ").Append(Escape(row.Target))
                .Append(" | ").Append(Format.Text(row.Verdict))
                .AppendLine(" |");
        }

        var notes = rows.Where(row => row.Note.Length > 0).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var row in notes)
            {
                text.Append("- ").Append(row.Number).Append(' ').Append(row.Figure).Append(": ").AppendLine(row.Note);
            }
        }

        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
