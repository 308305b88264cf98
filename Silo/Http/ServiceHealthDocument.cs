namespace OrleansRegistry.Silo.Http;

/// <summary><c>GET /services/{name}/health</c>: what the health checker knows about a service's instances.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Silo">The silo running the service grain, which runs its checks.</param>
/// <param name="Checking">Whether the grain is checking now (it has checked instances).</param>
/// <param name="Panic">True while the panic guard keeps failing instances selectable.</param>
/// <param name="Rounds">Probe rounds applied since the grain was activated.</param>
/// <param name="LastTickAt">The grain's last health tick; absent before the first.</param>
/// <param name="Instances">Every instance, ordered by id.</param>
public sealed record ServiceHealthDocument(
    string Service,
    string Silo,
    bool Checking,
    bool Panic,
    long Rounds,
    DateTimeOffset? LastTickAt,
    List<InstanceHealthDocument> Instances);

/// <summary>One instance's health: its status and why, and its recent probes.</summary>
/// <param name="Id">The instance's id.</param>
/// <param name="Status">healthy, unhealthy, starting or stopping.</param>
/// <param name="StatusReason">Why it has that status (as registered, probes failing or passing again, its TTL, ...).</param>
/// <param name="StatusSince">When it got that status, when the running grain saw it happen.</param>
/// <param name="Checked">Whether the registry checks it (health URL, TCP or TTL); an unchecked instance keeps the status it registered with.</param>
/// <param name="Probe">http or tcp; absent when it is not probed.</param>
/// <param name="ProbeFailing">Probes failed it and have not passed it again.</param>
/// <param name="LeaseExpired">Its TTL ran out without a heartbeat.</param>
/// <param name="UnhealthySince">When it last turned unhealthy; eviction counts from here.</param>
/// <param name="ConsecutiveFailures">Failed probes in a row.</param>
/// <param name="ConsecutiveSuccesses">Passed probes in a row.</param>
/// <param name="RecentProbes">The last probes (at most 20), oldest first.</param>
public sealed record InstanceHealthDocument(
    string Id,
    string Status,
    string StatusReason,
    DateTimeOffset? StatusSince,
    bool Checked,
    string? Probe,
    bool ProbeFailing,
    bool LeaseExpired,
    DateTimeOffset? UnhealthySince,
    int ConsecutiveFailures,
    int ConsecutiveSuccesses,
    List<ProbeRecordDocument> RecentProbes);

/// <summary>One probe: when, whether it passed, how long it took and what it found.</summary>
public sealed record ProbeRecordDocument(DateTimeOffset At, bool Passed, double LatencyMs, string Detail);
