namespace OrleansRegistry.Benchmarks.Support;

/// <summary>Latency percentiles in milliseconds.</summary>
internal sealed record Percentiles(double P50, double P99, double Max)
{
    public static readonly Percentiles None = new(double.NaN, double.NaN, double.NaN);

    public static Percentiles Of(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return None;
        }

        milliseconds.Sort();
        return new Percentiles(At(milliseconds, 0.50), At(milliseconds, 0.99), milliseconds[^1]);
    }

    private static double At(List<double> sorted, double quantile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
