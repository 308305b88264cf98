using System.Globalization;

namespace OrleansRegistry.Benchmarks.Report;

/// <summary>Numbers as the table shows them.</summary>
internal static class Format
{
    public static string PerSecond(double value) =>
        value >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{value / 1000:0.0}k/s") : string.Create(CultureInfo.InvariantCulture, $"{value:0}/s");

    public static string Milliseconds(double value) =>
        double.IsNaN(value) ? "–"
        : value < 1 ? string.Create(CultureInfo.InvariantCulture, $"{value * 1000:0} µs")
        : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms");

    public static string Ratio(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.00}×");

    public static string Bytes(double value) =>
        value >= 1024 ? string.Create(CultureInfo.InvariantCulture, $"{value / 1024:0.00} KiB") : string.Create(CultureInfo.InvariantCulture, $"{value:0} B");

    public static string Nanoseconds(double value) =>
        value >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{value / 1000:0.00} µs") : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ns");

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Text(Verdict verdict) => verdict switch
    {
        Verdict.Met => "met",
        Verdict.Missed => "**MISSED**",
        Verdict.NotJudged => "not judged (quick)",
        Verdict.Failed => "**FAILED**",
        _ => "–",
    };
}
