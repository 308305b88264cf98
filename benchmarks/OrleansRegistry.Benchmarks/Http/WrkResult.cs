namespace OrleansRegistry.Benchmarks.Http;

/// <summary>What one wrk run reported: requests per second, 99th-percentile latency (ms), and failed responses.</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P99Milliseconds, long Errors);
