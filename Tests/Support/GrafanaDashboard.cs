using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrleansRegistry.Tests.Support;

/// <summary>The provisioned Grafana dashboard (deploy/grafana/dashboards), read as its panels and their PromQL.</summary>
public static partial class GrafanaDashboard
{
    private static readonly HashSet<string> PromQlWords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset",
    };

    public static string File => Path.Combine(RepositoryPaths.Root, "deploy", "grafana", "dashboards", "orleans-registry.json");

    public static IReadOnlyList<DashboardPanel> Panels()
    {
        var dashboard = JsonNode.Parse(System.IO.File.ReadAllText(File))!;
        return dashboard["panels"]!.AsArray()
            .Select(panel => new DashboardPanel(
                (string)panel!["title"]!,
                (string?)panel["datasource"]?["uid"],
                panel["targets"]!.AsArray().Select(target => (string)target!["expr"]!).ToArray()))
            .ToArray();
    }

    /// <summary>
    /// The series a PromQL expression reads, in order of appearance: what is left once strings, label
    /// matchers, ranges, groupings and function calls are taken out.
    /// </summary>
    public static IReadOnlyList<string> MetricNames(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var bare = Grouping().Replace(Range().Replace(Matchers().Replace(Strings().Replace(expression, " "), " "), " "), " ");
        return Identifier().Matches(bare)
            .Where(match => !PromQlWords.Contains(match.Value) && !bare[(match.Index + match.Length)..].TrimStart().StartsWith('('))
            .Select(match => match.Value)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();
}

/// <summary>One panel: its title, data source and the PromQL of its queries.</summary>
public sealed record DashboardPanel(string Title, string? DatasourceUid, IReadOnlyList<string> Expressions);
