namespace OrleansRegistry.Benchmarks.Support;

/// <summary>Completed operations per second in the measured window, and their latencies.</summary>
internal sealed record LoadResult(double PerSecond, long Operations, long Errors, Percentiles Latency);
