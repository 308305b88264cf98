using OrleansRegistry.Health;
using OrleansRegistry.Model;

namespace OrleansRegistry.Registry;

/// <summary>
/// Health checking of the service's checked instances. A reminder keeps the grain (and so the
/// checking) alive across deactivation and silo loss; a grain timer drives the rounds every
/// Interval. Each tick applies TTL leases, the panic guard and eviction in the grain's turn, then
/// hands the probes to the silo's <see cref="IHealthProberGrain"/> and returns: the network waits
/// happen there, and the round's results come back as one <see cref="ReportRoundAsync"/> call.
/// Every status change goes through <see cref="CommitAsync"/>, so it is stored and pushed to the
/// balancers like a registration.
/// </summary>
public sealed partial class ServiceGrain : IServiceHealthGrain, IRemindable
{
    private const string HealthReminderName = "health-check";

    private HealthTracker _health = null!;
    private IGrainTimer? _healthTimer;
    private IGrainReminder? _reminder;
    private bool _reminderMayExist = true;
    private ProbeRound? _round;
    private long _rounds;
    private DateTimeOffset? _lastTickAt;
    private Task? _checkingSync;

    private bool HasCheckedInstances => State.Instances.Values.Any(HealthTracker.IsChecked);

    /// <summary>At least the reminder service's minimum; the silo lowers that minimum to the interval so a failover resumes within one.</summary>
    private TimeSpan ReminderPeriod =>
        healthOptions.Value.Interval > reminderOptions.Value.MinimumReminderPeriod
            ? healthOptions.Value.Interval
            : reminderOptions.Value.MinimumReminderPeriod;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == HealthReminderName)
        {
            // Ticks may repeat or be missed after a failover: this only makes sure checking runs, or stops it.
            await SyncCheckingAsync();
        }
    }

    public async Task ReportRoundAsync(Guid roundId, IReadOnlyList<ProbeResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (_round is not { } round || round.Id != roundId)
        {
            LogStaleRound(logger, ServiceName, roundId);
            return;
        }

        _round = null;
        _rounds++;
        await ApplyHealthAsync(results);
    }

    public Task<ServiceHealthReport> GetHealthReportAsync()
    {
        var instances = InstancesView()
            .Select(instance => _health.Report(instance, State.Health.GetValueOrDefault(instance.Id)))
            .ToArray();
        return Task.FromResult(new ServiceHealthReport(
            RuntimeIdentity,
            _healthTimer is not null,
            _reminder is not null,
            _rounds,
            _lastTickAt,
            State.Instances.Values.Any(instance => instance.Panic),
            instances));
    }

    /// <summary>
    /// Starts checking when there is something to check, stops it (and drops the reminder) when not.
    /// Runs one after another (the grain is reentrant), each deciding on the state it finds.
    /// </summary>
    private Task SyncCheckingAsync() => _checkingSync = SyncCheckingAfterAsync(_checkingSync);

    private async Task SyncCheckingAfterAsync(Task? previous)
    {
        if (previous is not null)
        {
            await previous;
        }

        if (!HasCheckedInstances)
        {
            await StopCheckingAsync();
            return;
        }

        if (_healthTimer is null)
        {
            // The first tick comes at once, so a reactivation after failover probes without waiting an interval.
            _healthTimer = this.RegisterGrainTimer(
                OnHealthTickAsync,
                new GrainTimerCreationOptions(TimeSpan.Zero, healthOptions.Value.Interval) { KeepAlive = true });
            LogCheckingStarted(logger, ServiceName, healthOptions.Value.Interval);
        }

        await HoldReminderAsync();
    }

    private async Task HoldReminderAsync()
    {
        if (_reminder is not null)
        {
            return;
        }

        try
        {
            _reminder = await this.RegisterOrUpdateReminder(HealthReminderName, ReminderPeriod, ReminderPeriod);
            _reminderMayExist = true;
        }
        catch (Exception exception)
        {
            // Checking runs on the timer meanwhile; the next tick tries again.
            LogReminderFailed(logger, exception, ServiceName);
        }
    }

    private async Task StopCheckingAsync()
    {
        if (_healthTimer is not null)
        {
            _healthTimer.Dispose();
            _healthTimer = null;
            _round = null;
            LogCheckingStopped(logger, ServiceName);
        }

        if (!_reminderMayExist)
        {
            return;
        }

        try
        {
            var reminder = _reminder ?? await this.GetReminder(HealthReminderName);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminder = null;
            _reminderMayExist = false;
        }
        catch (Exception exception)
        {
            // The reminder's next tick finds nothing to check and tries again.
            LogReminderFailed(logger, exception, ServiceName);
        }
    }

    private async Task OnHealthTickAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        _lastTickAt = now;

        // Holds the reminder, or stops checking when nothing is left to check.
        await SyncCheckingAsync();
        if (!HasCheckedInstances)
        {
            return;
        }

        await ApplyHealthAsync([]);
        if (_healthTimer is not null)
        {
            await StartRoundAsync(now);
        }
    }

    private async Task StartRoundAsync(DateTimeOffset now)
    {
        if (_round is { } running)
        {
            if (now < running.Deadline)
            {
                return;
            }

            LogRoundOverdue(logger, ServiceName, running.Id);
        }

        var targets = _health.ProbeTargets(State.Instances.Values);
        if (targets.Count == 0)
        {
            _round = null;
            return;
        }

        var options = healthOptions.Value;
        var waves = (targets.Count + options.MaxConcurrentProbes - 1) / options.MaxConcurrentProbes;
        var round = new ProbeRound(Guid.NewGuid(), now + (options.Timeout * waves) + options.Interval);
        _round = round;

        // One-way: completes as soon as the request is sent; the probes run on the prober.
        await GrainFactory.GetGrain<IHealthProberGrain>(0).ProbeAsync(new ProbeRequest(ServiceName, round.Id, targets));
    }

    /// <summary>Evaluates the service's health with <paramref name="results"/> and stores and publishes what changed.</summary>
    private async Task ApplyHealthAsync(IReadOnlyList<ProbeResult> results)
    {
        var changes = _health.Evaluate(State.Instances, State.Health, results, timeProvider.GetUtcNow());
        if (!changes.RequiresCommit)
        {
            ApplyHealthRecords(changes);
            return;
        }

        try
        {
            await CommitHealthAsync(changes);
        }
        catch (Exception)
        {
            // Logged by the write; memory is back to what is stored and the next evaluation decides again.
            return;
        }

        if (!HasCheckedInstances)
        {
            await SyncCheckingAsync();
        }
    }

    private async Task<HeartbeatResult> CommitHeartbeatAsync(HealthChanges changes)
    {
        await CommitHealthAsync(changes);
        return HeartbeatResult.Renewed;
    }

    /// <summary>Stores status, panic, record and eviction changes as one change of the service, then logs them.</summary>
    private async Task CommitHealthAsync(HealthChanges changes)
    {
        foreach (var (id, instance) in changes.Instances)
        {
            State.Instances[id] = instance;
        }

        foreach (var (id, record) in changes.Records)
        {
            SetHealthRecord(id, record);
        }

        var evictionReasons = new List<string>(changes.Evicted.Count);
        var evictedAfter = new List<TimeSpan>(changes.Evicted.Count);
        foreach (var id in changes.Evicted)
        {
            evictedAfter.Add(State.Instances.GetValueOrDefault(id)?.Check?.DeregisterAfter ?? healthOptions.Value.DeregisterAfter);
            // An instance only its TTL held unhealthy left by its lease; any other was evicted by failed probes.
            evictionReasons.Add(State.Health.GetValueOrDefault(id) is { LeaseExpired: true, ProbeFailing: false } ? "ttl" : "evicted");
            State.Instances.Remove(id);
            State.Health.Remove(id);
        }

        await CommitAsync();
        evictionReasons.ForEach(reason => metrics.Deregistered(_key.Namespace, reason));
        _health.Explain(changes.StatusChanges, timeProvider.GetUtcNow());

        foreach (var change in changes.StatusChanges)
        {
            if (change.To == ServiceStatus.Unhealthy)
            {
                LogTurnedUnhealthy(logger, ServiceName, change.InstanceId, change.From, change.Reason);
            }
            else
            {
                LogStatusChanged(logger, ServiceName, change.InstanceId, change.From, change.To, change.Reason);
            }
        }

        if (changes.PanicAfter && !changes.PanicBefore)
        {
            LogPanicEntered(logger, ServiceName, string.Join(", ", changes.Panicked));
        }
        else if (!changes.PanicAfter && changes.PanicBefore)
        {
            LogPanicLeft(logger, ServiceName);
        }

        for (var i = 0; i < changes.Evicted.Count; i++)
        {
            var id = changes.Evicted[i];
            if (!State.Instances.ContainsKey(id))
            {
                _health.OnRemoved(id);
            }

            LogEvicted(logger, ServiceName, id, evictedAfter[i]);
        }
    }

    /// <summary>Record-only changes: kept in memory and stored with the next commit (they change nothing a balancer sees).</summary>
    private void ApplyHealthRecords(HealthChanges changes)
    {
        foreach (var (id, record) in changes.Records)
        {
            SetHealthRecord(id, record);
        }
    }

    private void SetHealthRecord(string instanceId, InstanceHealthRecord? record)
    {
        if (record is null)
        {
            State.Health.Remove(instanceId);
        }
        else
        {
            State.Health[instanceId] = record;
        }
    }

    private readonly record struct ProbeRound(Guid Id, DateTimeOffset Deadline);
}
