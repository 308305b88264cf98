namespace OrleansRegistry.Health;

/// <summary>An instance's probe counters in one activation; lost on failover, which only restarts the counting.</summary>
internal sealed class InstanceCheckState(long generation)
{
    /// <summary>Changes at every registration, so a probe of an earlier registration is not counted.</summary>
    public long Generation { get; } = generation;

    public int ConsecutiveFailures { get; private set; }

    public int ConsecutiveSuccesses { get; private set; }

    public string? LastResult { get; private set; }

    public DateTimeOffset? LastProbedAt { get; private set; }

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
    }
}
