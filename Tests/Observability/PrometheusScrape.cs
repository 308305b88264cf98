using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansRegistry.Tests.Observability;

/// <summary>One scrape of a Prometheus text endpoint, parsed into samples a test can look up.</summary>
public sealed partial class PrometheusScrape
{
    private readonly List<Sample> _samples = [];

    private PrometheusScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n'))
        {
            var match = SampleLine().Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
            {
                labels[label.Groups["key"].Value] = label.Groups["value"].Value;
            }

            _samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
    }

    public string Text { get; }

    public static async Task<PrometheusScrape> GetAsync(HttpClient http, Uri silo)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new PrometheusScrape(await http.GetStringAsync(new Uri(silo, "/metrics")));
    }

    /// <summary>The names of every series in the scrape.</summary>
    public IReadOnlySet<string> Names => _samples.Select(sample => sample.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The sum of the samples of <paramref name="name"/> carrying every given label; null when none does.</summary>
    public double? Value(string name, params (string Key, string Value)[] labels)
    {
        var matching = _samples
            .Where(sample => sample.Name == name && labels.All(label => sample.Labels.TryGetValue(label.Key, out var value) && value == label.Value))
            .ToArray();
        return matching.Length == 0 ? null : matching.Sum(sample => sample.Value);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);
}
