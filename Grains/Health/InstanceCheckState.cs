namespace OrleansRegistry.Health;

/// <summary>
/// An instance's probe counters, recent probes and status reason in one activation; lost on
/// failover, which only restarts the counting and empties the history people look at.
/// </summary>
internal sealed class InstanceCheckState(long generation, IReadOnlyCollection<ProbeRecord>? recent = null)
{
    /// <summary>How many probes the registry view's strip shows; older ones are dropped.</summary>
    public const int RecentCapacity = 20;

    // Created by the first probe: every instance has a state, most are never probed.
    private Queue<ProbeRecord>? _recent = recent is { Count: > 0 } ? new(recent.TakeLast(RecentCapacity)) : null;

    /// <summary>Changes at every registration, so a probe of an earlier registration is not counted.</summary>
    public long Generation { get; } = generation;

    public int ConsecutiveFailures { get; private set; }

    public int ConsecutiveSuccesses { get; private set; }

    public string? LastResult { get; private set; }

    public DateTimeOffset? LastProbedAt { get; private set; }

    /// <summary>Why the instance last changed status (as registered, or as the checker decided).</summary>
    public StatusReason? Reason { get; set; }

    /// <summary>The last <see cref="RecentCapacity"/> probes, oldest first.</summary>
    public IReadOnlyCollection<ProbeRecord> Recent => (IReadOnlyCollection<ProbeRecord>?)_recent ?? [];

    public void Record(ProbeResult result, DateTimeOffset at)
    {
        if (result.Passed)
        {
            ConsecutiveSuccesses++;
            ConsecutiveFailures = 0;
        }
        else
        {
            ConsecutiveFailures++;
            ConsecutiveSuccesses = 0;
        }

        LastResult = result.Detail;
        LastProbedAt = at;
        _recent ??= new Queue<ProbeRecord>(RecentCapacity);
        if (_recent.Count == RecentCapacity)
        {
            _recent.Dequeue();
        }

        _recent.Enqueue(new ProbeRecord(at, result.Passed, result.Latency, result.Detail));
    }
}
