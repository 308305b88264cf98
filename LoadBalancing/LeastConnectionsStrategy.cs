using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// Picks the candidate with the fewest open leases (ties broken round-robin) and opens a lease on
/// it. A lease ends when released or when <c>leaseDuration</c> passes, so a caller that never
/// returns one cannot skew the counts for long.
/// </summary>
public sealed class LeastConnectionsStrategy(TimeProvider timeProvider, TimeSpan leaseDuration) : ISelectionStrategy
{
    private readonly Dictionary<long, string> _openLeases = [];
    private readonly Dictionary<string, int> _openCounts = new(StringComparer.Ordinal);

    // Every lease gets the same duration, so leases expire in the order they were opened.
    private readonly Queue<(long LeaseId, long ExpiresAt)> _expiryOrder = new();
    private long _lastLeaseId;
    private uint _tieBreak;

    public LoadBalancingStrategy Kind => LoadBalancingStrategy.LeastConnections;

    /// <summary>Leases still open (for tests and diagnostics).</summary>
    public int OpenLeaseCount
    {
        get
        {
            ExpireDue();
            return _openLeases.Count;
        }
    }

    public int OpenLeasesOn(string instanceId)
    {
        ExpireDue();
        return _openCounts.GetValueOrDefault(instanceId);
    }

    public bool TryPick(IReadOnlyList<ServiceInstance> candidates, out InstancePick pick)
    {
        ExpireDue();
        var count = candidates.Count;
        if (count == 0)
        {
            pick = default;
            return false;
        }

        var start = (int)(_tieBreak++ % (uint)count);
        var best = -1;
        var bestLeases = int.MaxValue;
        for (var offset = 0; offset < count && bestLeases > 0; offset++)
        {
            var index = start + offset;
            if (index >= count)
            {
                index -= count;
            }

            var leases = _openCounts.GetValueOrDefault(candidates[index].Id);
            if (leases < bestLeases)
            {
                best = index;
                bestLeases = leases;
            }
        }

        var instance = candidates[best];
        var leaseId = ++_lastLeaseId;
        _openLeases.Add(leaseId, instance.Id);
        _openCounts[instance.Id] = bestLeases + 1;
        _expiryOrder.Enqueue((leaseId, timeProvider.GetTimestamp() + ToTimestampTicks(leaseDuration)));
        pick = new InstancePick(instance, leaseId);
        return true;
    }

    /// <summary>Closes a lease; unknown, released or expired ids are ignored.</summary>
    public bool Release(long leaseId)
    {
        if (!_openLeases.Remove(leaseId, out var instanceId))
        {
            return false;
        }

        var remaining = _openCounts[instanceId] - 1;
        if (remaining == 0)
        {
            _openCounts.Remove(instanceId);
        }
        else
        {
            _openCounts[instanceId] = remaining;
        }

        return true;
    }

    /// <summary>
    /// Ends leases past their time, and forgets released ones at the head of the queue: leases are
    /// mostly returned in the order they were opened, so the queue stays about as long as the open
    /// leases instead of holding every pick of the last lease duration.
    /// </summary>
    private void ExpireDue()
    {
        var now = timeProvider.GetTimestamp();
        while (_expiryOrder.TryPeek(out var head) && (head.ExpiresAt <= now || !_openLeases.ContainsKey(head.LeaseId)))
        {
            _expiryOrder.Dequeue();
            Release(head.LeaseId);
        }
    }

    private long ToTimestampTicks(TimeSpan duration) =>
        (long)(duration.Ticks * ((double)timeProvider.TimestampFrequency / TimeSpan.TicksPerSecond));
}
