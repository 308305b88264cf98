using OrleansRegistry.Model;

namespace OrleansRegistry.Health;

/// <summary>The checker's view of one instance (an unchecked one has no probe, counters or records).</summary>
/// <param name="Status">The instance's status now.</param>
/// <param name="Checked">Whether the registry checks it (a health URL, a TCP check or a TTL).</param>
/// <param name="StatusReason">Why it has <paramref name="Status"/>, for people.</param>
/// <param name="StatusSince">Since when, when this activation saw the change; null after a failover.</param>
/// <param name="RecentProbes">Its last probes (at most 20), oldest first.</param>
[GenerateSerializer, Immutable, Alias("registry.InstanceHealthReport")]
public sealed record InstanceHealthReport(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] ProbeKind? Probe,
    [property: Id(2)] int ConsecutiveFailures,
    [property: Id(3)] int ConsecutiveSuccesses,
    [property: Id(4)] string? LastResult,
    [property: Id(5)] DateTimeOffset? LastProbedAt,
    [property: Id(6)] bool ProbeFailing,
    [property: Id(7)] bool LeaseExpired,
    [property: Id(8)] DateTimeOffset? UnhealthySince,
    [property: Id(9)] ServiceStatus Status,
    [property: Id(10)] bool Checked,
    [property: Id(11)] string StatusReason,
    [property: Id(12)] DateTimeOffset? StatusSince,
    [property: Id(13)] IReadOnlyList<ProbeRecord> RecentProbes);
