using System.Collections.Frozen;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;
using OrleansRegistry.Options;

namespace OrleansRegistry.Health;

/// <summary>
/// The health state machine of one service grain activation: thresholds, TTL leases, the panic
/// guard and eviction. It is given the instances, their stored records, probe results and the time,
/// and says what changes; the grain stores and publishes that. It is not pure: it keeps each
/// instance's probe counters (consecutive failures and successes, last result) and registration
/// generation in memory for the life of the activation, and evaluating results updates them.
/// </summary>
/// <remarks>
/// Rules, per checked instance (one with a health URL, a TCP check or a TTL):
/// <list type="bullet">
/// <item>probes fail it after FailuresBeforeUnhealthy consecutive failures and pass it again after
/// SuccessesBeforeHealthy consecutive passes (per-instance overrides win);</item>
/// <item>a TTL instance's lease expires when no heartbeat came within the TTL (counted from
/// activation at the earliest, since heartbeats are not stored); a heartbeat renews it;</item>
/// <item>a failing or expired instance is unhealthy; healthy, starting and stopping instances turn
/// unhealthy; one the checker made unhealthy (or a probed one registered unhealthy or starting)
/// turns healthy once nothing fails it any more;</item>
/// <item>panic guard: when the instances leaving selection in one evaluation (plus those already
/// kept by the guard) outnumber the healthy ones left, they all stay selectable with
/// <see cref="ServiceInstance.Panic"/> set, and nothing is evicted;</item>
/// <item>an instance unhealthy for DeregisterAfter (its own <c>check.deregister_after</c> when set)
/// is evicted, unless it is in maintenance.</item>
/// </list>
/// </remarks>
internal sealed class HealthTracker(HealthCheckOptions options, DateTimeOffset activatedAt)
{
    private readonly Dictionary<string, InstanceCheckState> _states = new(StringComparer.Ordinal);

    // One text per status, not one per registration: every instance keeps the reason it was registered with.
    private static readonly FrozenDictionary<ServiceStatus, string> RegisteredReasons =
        Enum.GetValues<ServiceStatus>().ToFrozenDictionary(status => status, status => $"registered as {status.ToWire()}");
    private long _generations;

    public static bool IsChecked(ServiceInstance instance) =>
        ProbeKindOf(instance) is not null || instance.Check?.Ttl is not null;

    /// <summary>HTTP when a health URL is given, else TCP when asked for, else none.</summary>
    public static ProbeKind? ProbeKindOf(ServiceInstance instance) =>
        instance.HealthCheckUrl is not null ? ProbeKind.Http
        : instance.Check?.Tcp == true ? ProbeKind.Tcp
        : null;

    /// <summary>Starts counting afresh for a (re-)registered instance; returns the record it starts with, null when unchecked.</summary>
    public InstanceHealthRecord? OnRegistered(ServiceInstance instance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);

        // The probes of the id's earlier registration stay on its strip: for a person it is the same instance restarted.
        _states[instance.Id] = new InstanceCheckState(++_generations, _states.GetValueOrDefault(instance.Id)?.Recent)
        {
            Reason = new StatusReason(instance.Status, RegisteredReasons[instance.Status], now),
        };
        if (!IsChecked(instance))
        {
            return null;
        }

        return InitialRecord(instance, now);
    }

    public void OnRemoved(string instanceId) => _states.Remove(instanceId);

    /// <summary>The probes one round runs: every instance with an HTTP or TCP check.</summary>
    public List<ProbeTarget> ProbeTargets(IEnumerable<ServiceInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var targets = new List<ProbeTarget>();
        foreach (var instance in instances)
        {
            if (ProbeKindOf(instance) is { } kind)
            {
                targets.Add(new ProbeTarget(instance.Id, StateOf(instance.Id).Generation, kind, instance.Host, instance.Port, instance.HealthCheckUrl));
            }
        }

        return targets;
    }

    /// <summary>Applies probe results (possibly none) and the clock to every checked instance.</summary>
    public HealthChanges Evaluate(
        IReadOnlyDictionary<string, ServiceInstance> instances,
        IReadOnlyDictionary<string, InstanceHealthRecord> records,
        IReadOnlyList<ProbeResult> results,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(results);
        var resultOf = CurrentResults(results);
        var changes = new HealthChanges();
        var next = new Dictionary<string, (ServiceStatus Status, InstanceHealthRecord Record)>(StringComparer.Ordinal);
        foreach (var instance in instances.Values)
        {
            if (!IsChecked(instance))
            {
                continue;
            }

            var record = records.GetValueOrDefault(instance.Id) ?? InitialRecord(instance, now);
            resultOf.TryGetValue(instance.Id, out var result);
            next[instance.Id] = Step(instance, record, result, now, out var reason);
            if (next[instance.Id].Status != instance.Status)
            {
                changes.StatusChanges.Add(new StatusChange(instance.Id, instance.Status, next[instance.Id].Status, reason));
            }
        }

        var panicked = PanicGuard(instances, next, changes);
        foreach (var instance in instances.Values)
        {
            if (!next.TryGetValue(instance.Id, out var decided))
            {
                continue;
            }

            var panic = panicked.Contains(instance.Id);
            if (decided.Status != instance.Status || panic != instance.Panic)
            {
                changes.Instances[instance.Id] = instance with { Status = decided.Status, Panic = panic };
            }

            if (decided.Record != records.GetValueOrDefault(instance.Id))
            {
                changes.Records[instance.Id] = decided.Record;
            }

            // An instance in maintenance is held out on purpose (a deploy may take it down for long): never evicted.
            if (!changes.PanicAfter
                && instance.Maintenance is null
                && decided.Status == ServiceStatus.Unhealthy
                && decided.Record.UnhealthySince is { } since
                && now - since >= DeregisterAfter(instance))
            {
                changes.Evicted.Add(instance.Id);
            }
        }

        return changes;
    }

    /// <summary>
    /// A heartbeat arrived (<paramref name="instance"/> carries its time). Renews an expired lease:
    /// a status change (committed) when that was all that held the instance unhealthy.
    /// </summary>
    public static HealthChanges OnHeartbeat(ServiceInstance instance, InstanceHealthRecord? record)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (record is not { LeaseExpired: true })
        {
            return HealthChanges.None;
        }

        var changes = new HealthChanges();
        if (instance.Status == ServiceStatus.Unhealthy && !record.ProbeFailing)
        {
            changes.Instances[instance.Id] = instance with { Status = ServiceStatus.Healthy, Panic = false };
            changes.Records[instance.Id] = record with { LeaseExpired = false, UnhealthySince = null };
            changes.StatusChanges.Add(new StatusChange(instance.Id, instance.Status, ServiceStatus.Healthy, "heartbeat renewed its lease"));
        }
        else
        {
            changes.Records[instance.Id] = record with { LeaseExpired = false };
        }

        return changes;
    }

    /// <summary>Keeps the reasons of status changes that were stored, for <see cref="Report"/>.</summary>
    public void Explain(IEnumerable<StatusChange> changes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (_states.TryGetValue(change.InstanceId, out var state))
            {
                state.Reason = new StatusReason(change.To, change.Reason, now);
            }
        }
    }

    public InstanceHealthReport Report(ServiceInstance instance, InstanceHealthRecord? record)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = StateOf(instance.Id);

        // A reason explains only the status it was given for: a change whose write failed, or an
        // activation that never saw the change (failover), falls back to what the record says.
        var reason = state.Reason is { } known && known.Status == instance.Status ? known : null;
        var text = reason?.Text ?? FallbackReason(instance, record);
        if (instance.Panic)
        {
            text += "; kept selectable by the panic guard";
        }

        return new InstanceHealthReport(
            instance.Id,
            ProbeKindOf(instance),
            state.ConsecutiveFailures,
            state.ConsecutiveSuccesses,
            state.LastResult,
            state.LastProbedAt,
            record?.ProbeFailing ?? false,
            record?.LeaseExpired ?? false,
            record?.UnhealthySince,
            instance.Status,
            IsChecked(instance),
            text,
            reason?.Since,
            [.. state.Recent]);
    }

    private static string FallbackReason(ServiceInstance instance, InstanceHealthRecord? record) =>
        record switch
        {
            { ProbeFailing: true } when instance.Status == ServiceStatus.Unhealthy => "probe failing",
            { LeaseExpired: true } when instance.Status == ServiceStatus.Unhealthy => "no heartbeat within its ttl",
            _ => $"{instance.Status.ToWire()} as stored",
        };

    /// <summary>An instance registered (or stored by an older version) without a record: probed ones registered unhealthy or starting must pass first.</summary>
    private static InstanceHealthRecord InitialRecord(ServiceInstance instance, DateTimeOffset now) => new(
        ProbeFailing: ProbeKindOf(instance) is not null && instance.Status is ServiceStatus.Unhealthy or ServiceStatus.Starting,
        LeaseExpired: false,
        UnhealthySince: instance.Status == ServiceStatus.Unhealthy ? now : null);

    private (ServiceStatus Status, InstanceHealthRecord Record) Step(
        ServiceInstance instance, InstanceHealthRecord record, ProbeResult? result, DateTimeOffset now, out string reason)
    {
        var probeFailing = record.ProbeFailing;
        if (result is not null)
        {
            var state = StateOf(instance.Id);
            state.Record(result, now);
            if (result.Passed && probeFailing && state.ConsecutiveSuccesses >= SuccessesBeforeHealthy(instance))
            {
                probeFailing = false;
            }
            else if (!result.Passed && !probeFailing && state.ConsecutiveFailures >= FailuresBeforeUnhealthy(instance))
            {
                probeFailing = true;
            }
        }

        var leaseExpired = false;
        if (instance.Check?.Ttl is { } ttl)
        {
            // Heartbeats are not stored: after a failover LastHeartbeat may be old, so the lease
            // runs from this activation at the earliest. An expired lease waits for a heartbeat.
            var leaseStart = instance.LastHeartbeat > activatedAt ? instance.LastHeartbeat : activatedAt;
            leaseExpired = record.LeaseExpired ? now - instance.LastHeartbeat > ttl : now - leaseStart > ttl;
        }

        var status = instance.Status;
        reason = string.Empty;
        if (probeFailing || leaseExpired)
        {
            if (status != ServiceStatus.Unhealthy)
            {
                reason = probeFailing ? $"probe failing ({StateOf(instance.Id).LastResult ?? "as registered"})" : "no heartbeat within its ttl";
                status = ServiceStatus.Unhealthy;
            }
        }
        else if (status is ServiceStatus.Unhealthy or ServiceStatus.Starting && (record.ProbeFailing || record.LeaseExpired))
        {
            reason = record.ProbeFailing ? "probes pass again" : "heartbeat renewed its lease";
            status = ServiceStatus.Healthy;
        }

        var unhealthySince = status == ServiceStatus.Unhealthy ? record.UnhealthySince ?? now : (DateTimeOffset?)null;
        return (status, new InstanceHealthRecord(probeFailing, leaseExpired, unhealthySince));
    }

    /// <summary>
    /// Decides which failing instances stay selectable. Candidates are the instances leaving
    /// selection now plus those the guard already holds; when they outnumber the healthy
    /// instances left, removing them would take out more than half of the service at once.
    /// </summary>
    private static HashSet<string> PanicGuard(
        IReadOnlyDictionary<string, ServiceInstance> instances,
        Dictionary<string, (ServiceStatus Status, InstanceHealthRecord Record)> next,
        HealthChanges changes)
    {
        var healthyAfter = 0;
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in instances.Values)
        {
            changes.PanicBefore |= instance.Panic;
            var status = next.TryGetValue(instance.Id, out var decided) ? decided.Status : instance.Status;
            if (instance.Maintenance is not null)
            {
                // Neither picked now nor leaving selection: it counts on neither side.
                continue;
            }

            if (status == ServiceStatus.Healthy)
            {
                healthyAfter++;
            }
            else if (status == ServiceStatus.Unhealthy && next.ContainsKey(instance.Id)
                && (instance.Status == ServiceStatus.Healthy || instance.Panic))
            {
                candidates.Add(instance.Id);
            }
        }

        if (candidates.Count == 0 || candidates.Count <= healthyAfter)
        {
            return [];
        }

        changes.PanicAfter = true;
        changes.Panicked.AddRange(candidates.Order(StringComparer.Ordinal));
        return candidates;
    }

    private Dictionary<string, ProbeResult> CurrentResults(IReadOnlyList<ProbeResult> results)
    {
        var current = new Dictionary<string, ProbeResult>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            if (_states.TryGetValue(result.InstanceId, out var state) && state.Generation == result.Generation)
            {
                current[result.InstanceId] = result;
            }
        }

        return current;
    }

    private InstanceCheckState StateOf(string instanceId)
    {
        if (!_states.TryGetValue(instanceId, out var state))
        {
            state = new InstanceCheckState(++_generations);
            _states[instanceId] = state;
        }

        return state;
    }

    private int FailuresBeforeUnhealthy(ServiceInstance instance) =>
        instance.Check?.FailuresBeforeUnhealthy ?? options.FailuresBeforeUnhealthy;

    private int SuccessesBeforeHealthy(ServiceInstance instance) =>
        instance.Check?.SuccessesBeforeHealthy ?? options.SuccessesBeforeHealthy;

    private TimeSpan DeregisterAfter(ServiceInstance instance) =>
        instance.Check?.DeregisterAfter ?? options.DeregisterAfter;
}
