using OrleansRegistry.Model;
using Spectre.Console;

namespace OrleansRegistry.ClientApp.Output;

/// <summary>Services with their instance counts.</summary>
internal static class SummaryTable
{
    public static Table Build(IEnumerable<ServiceSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("SERVICE", "INSTANCES", "HEALTHY");
        foreach (var summary in summaries)
        {
            table.AddRow(Cells.Plain(summary.Name), Cells.Number(summary.Instances), Cells.Number(summary.Healthy));
        }

        return table;
    }
}
