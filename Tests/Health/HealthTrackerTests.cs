using Microsoft.Extensions.Time.Testing;
using OrleansRegistry.Health;
using OrleansRegistry.Model;
using OrleansRegistry.Options;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Health;

/// <summary>The health state machine on its own, with a fake clock: thresholds, TTL, panic and eviction exactly.</summary>
public sealed class HealthTrackerTests
{
    private const string Service = "svc";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly HealthCheckOptions _options = new() { FailuresBeforeUnhealthy = 2, SuccessesBeforeHealthy = 1, DeregisterAfter = TimeSpan.FromMinutes(1) };
    private readonly Dictionary<string, ServiceInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceHealthRecord> _records = new(StringComparer.Ordinal);
    private HealthTracker _tracker;

    public HealthTrackerTests()
    {
        _tracker = new HealthTracker(_options, _clock.GetUtcNow());
    }

    [Fact]
    public void Evaluate_FailuresBelowThreshold_StaysHealthy()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));

        Round(("a", false));

        Assert.Equal(ServiceStatus.Healthy, _instances["a"].Status);
    }

    [Fact]
    public void Evaluate_FailuresReachThreshold_TurnsUnhealthy()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));

        Round(("a", false));
        var changes = Round(("a", false));

        Assert.Equal(ServiceStatus.Unhealthy, _instances["a"].Status);
        Assert.False(_instances["a"].IsSelectable);
        var change = Assert.Single(changes.StatusChanges);
        Assert.Contains("HTTP 503", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PassBetweenFailures_RestartsTheCount()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));

        Round(("a", false));
        Round(("a", true));
        Round(("a", false));

        Assert.Equal(ServiceStatus.Healthy, _instances["a"].Status);
    }

    [Fact]
    public void Evaluate_PerInstanceThresholds_OverrideTheDefaults()
    {
        Register(Probed("strict") with { Check = new InstanceCheck(FailuresBeforeUnhealthy: 1, SuccessesBeforeHealthy: 3) });
        Register(Probed("b"));
        Register(Probed("c"));

        Round(("strict", false));
        Assert.Equal(ServiceStatus.Unhealthy, _instances["strict"].Status);

        Round(("strict", true));
        Round(("strict", true));
        Assert.Equal(ServiceStatus.Unhealthy, _instances["strict"].Status);
        Round(("strict", true));
        Assert.Equal(ServiceStatus.Healthy, _instances["strict"].Status);
    }

    [Fact]
    public void Evaluate_SuccessesReachThreshold_TurnsHealthyAgain()
    {
        _options.SuccessesBeforeHealthy = 2;
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));
        Round(("a", false));
        Round(("a", false));

        Round(("a", true));
        Assert.Equal(ServiceStatus.Unhealthy, _instances["a"].Status);
        Round(("a", true));

        Assert.Equal(ServiceStatus.Healthy, _instances["a"].Status);
        Assert.Null(_records["a"].UnhealthySince);
    }

    [Fact]
    public void Evaluate_RegisteredStartingWithProbe_TurnsHealthyAfterPasses()
    {
        Register(Probed("boot", ServiceStatus.Starting));

        Assert.Equal(ServiceStatus.Starting, _instances["boot"].Status);
        Round(("boot", true));

        Assert.Equal(ServiceStatus.Healthy, _instances["boot"].Status);
    }

    [Fact]
    public void Evaluate_StoppingInstance_PassesDoNotMakeItHealthyButFailuresMakeItUnhealthy()
    {
        Register(Probed("drain", ServiceStatus.Stopping));
        Register(Probed("b"));
        Register(Probed("c"));

        Round(("drain", true));
        Assert.Equal(ServiceStatus.Stopping, _instances["drain"].Status);
        Round(("drain", false));
        Round(("drain", false));
        Assert.Equal(ServiceStatus.Unhealthy, _instances["drain"].Status);
    }

    [Fact]
    public void Evaluate_ResultOfEarlierRegistration_IsIgnored()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));
        var stale = _tracker.ProbeTargets(_instances.Values).Single(t => t.InstanceId == "a");
        Register(Probed("a"));

        Apply(_tracker.Evaluate(_instances, _records, [new ProbeResult("a", stale.Generation, false, "HTTP 503")], _clock.GetUtcNow()));
        Apply(_tracker.Evaluate(_instances, _records, [new ProbeResult("a", stale.Generation, false, "HTTP 503")], _clock.GetUtcNow()));

        Assert.Equal(ServiceStatus.Healthy, _instances["a"].Status);
    }

    [Fact]
    public void ProbeTargets_UrlWinsOverTcp_AndTtlOnlyIsNotProbed()
    {
        Register(Probed("http") with { Check = new InstanceCheck(Tcp: true) });
        Register(Instances.Create(Service, "tcp") with { Check = new InstanceCheck(Tcp: true) });
        Register(Instances.Create(Service, "ttl") with { Check = new InstanceCheck(Ttl: TimeSpan.FromSeconds(5)) });
        Register(Instances.Create(Service, "plain"));

        var targets = _tracker.ProbeTargets(_instances.Values.OrderBy(i => i.Id, StringComparer.Ordinal));

        Assert.Equal([("http", ProbeKind.Http), ("tcp", ProbeKind.Tcp)], targets.Select(t => (t.InstanceId, t.Kind)));
    }

    [Fact]
    public void Evaluate_TtlWithoutHeartbeat_TurnsUnhealthyAfterTtl()
    {
        Register(Ttl("lease", TimeSpan.FromSeconds(30)));
        Register(Instances.Create(Service, "b"));
        Register(Instances.Create(Service, "c"));

        Tick(TimeSpan.FromSeconds(30));
        Assert.Equal(ServiceStatus.Healthy, _instances["lease"].Status);
        Tick(TimeSpan.FromSeconds(1));

        Assert.Equal(ServiceStatus.Unhealthy, _instances["lease"].Status);
        Assert.True(_records["lease"].LeaseExpired);
    }

    [Fact]
    public void OnHeartbeat_ExpiredLease_TurnsHealthyWithACommit()
    {
        Register(Ttl("lease", TimeSpan.FromSeconds(30)));
        Register(Instances.Create(Service, "b"));
        Register(Instances.Create(Service, "c"));
        Tick(TimeSpan.FromSeconds(31));

        var changes = Heartbeat("lease");

        Assert.True(changes.RequiresCommit);
        Assert.Equal(ServiceStatus.Healthy, _instances["lease"].Status);
        Assert.False(_records["lease"].LeaseExpired);
        Tick(TimeSpan.FromSeconds(29));
        Assert.Equal(ServiceStatus.Healthy, _instances["lease"].Status);
    }

    [Fact]
    public void OnHeartbeat_LeaseNotExpired_ChangesNothing()
    {
        Register(Ttl("lease", TimeSpan.FromSeconds(30)));
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(Heartbeat("lease").IsEmpty);
    }

    [Fact]
    public void Evaluate_AfterReactivationWithOldHeartbeats_GivesOneTtlOfGrace()
    {
        Register(Ttl("lease", TimeSpan.FromSeconds(30)));
        Register(Instances.Create(Service, "b"));
        Register(Instances.Create(Service, "c"));

        // A failover: the stored heartbeat is 5 minutes old when a new activation starts.
        _clock.Advance(TimeSpan.FromMinutes(5));
        _tracker = new HealthTracker(_options, _clock.GetUtcNow());

        Tick(TimeSpan.FromSeconds(30));
        Assert.Equal(ServiceStatus.Healthy, _instances["lease"].Status);
        Tick(TimeSpan.FromSeconds(1));
        Assert.Equal(ServiceStatus.Unhealthy, _instances["lease"].Status);
    }

    [Fact]
    public void Evaluate_UnhealthyLongerThanDeregisterAfter_Evicts()
    {
        Register(Probed("dead"));
        Register(Probed("b"));
        Register(Probed("c"));
        Round(("dead", false));
        Round(("dead", false));

        Assert.Empty(Tick(TimeSpan.FromSeconds(59)).Evicted);
        var changes = Tick(TimeSpan.FromSeconds(1));

        Assert.Equal(["dead"], changes.Evicted);
    }

    [Fact]
    public void Evaluate_UncheckedUnhealthyInstance_IsNeverEvicted()
    {
        Register(Instances.Create(Service, "declared", status: ServiceStatus.Unhealthy));
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(Round().Evicted);
    }

    [Fact]
    public void Evaluate_MoreThanHalfFailAtOnce_KeepsThemSelectableInPanic()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));

        Round(("a", false), ("b", false));
        var changes = Round(("a", false), ("b", false));

        Assert.True(changes.PanicAfter);
        Assert.Equal(["a", "b"], changes.Panicked);
        foreach (var id in changes.Panicked)
        {
            Assert.Equal(ServiceStatus.Unhealthy, _instances[id].Status);
            Assert.True(_instances[id].Panic);
            Assert.True(_instances[id].IsSelectable);
        }
    }

    [Fact]
    public void Evaluate_HalfFailAtOnce_TakesThemOut()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));
        Register(Probed("d"));

        Round(("a", false), ("b", false));
        var changes = Round(("a", false), ("b", false));

        Assert.False(changes.PanicAfter);
        Assert.False(_instances["a"].IsSelectable);
        Assert.False(_instances["b"].IsSelectable);
    }

    [Fact]
    public void Evaluate_LastHealthyInstanceFails_StaysSelectableInPanic()
    {
        Register(Probed("only"));

        Round(("only", false));
        Round(("only", false));

        Assert.True(_instances["only"].Panic);
        Assert.True(_instances["only"].IsSelectable);
    }

    [Fact]
    public void Evaluate_InPanic_PausesEviction()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));
        Round(("a", false), ("b", false));
        Round(("a", false), ("b", false));

        _clock.Advance(TimeSpan.FromMinutes(10));
        var changes = Round(("a", false), ("b", false));

        Assert.True(changes.PanicAfter);
        Assert.Empty(changes.Evicted);
    }

    [Fact]
    public void Evaluate_EnoughRecover_LeavesPanicAndTakesTheRestOut()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));
        Round(("a", false), ("b", false));
        Round(("a", false), ("b", false));

        var changes = Round(("a", true), ("b", false));

        Assert.True(changes.PanicBefore);
        Assert.False(changes.PanicAfter);
        Assert.Equal(ServiceStatus.Healthy, _instances["a"].Status);
        Assert.False(_instances["a"].Panic);
        Assert.False(_instances["b"].Panic);
        Assert.False(_instances["b"].IsSelectable);
    }

    [Fact]
    public void Evaluate_TtlExpiriesAtOnce_AreGuardedToo()
    {
        Register(Ttl("a", TimeSpan.FromSeconds(5)));
        Register(Ttl("b", TimeSpan.FromSeconds(5)));
        Register(Instances.Create(Service, "c"));

        var changes = Tick(TimeSpan.FromSeconds(6));

        Assert.True(changes.PanicAfter);
        Assert.True(_instances["a"].IsSelectable);
        Assert.True(_instances["b"].IsSelectable);
    }

    private static ServiceInstance Probed(string id, ServiceStatus status = ServiceStatus.Healthy) =>
        Instances.Create(Service, id, status: status, healthCheckUrl: $"http://127.0.0.1:8080/health/{id}");

    private static ServiceInstance Ttl(string id, TimeSpan ttl) =>
        Instances.Create(Service, id) with { Check = new InstanceCheck(Ttl: ttl) };

    private void Register(ServiceInstance instance)
    {
        var stored = instance with { LastHeartbeat = _clock.GetUtcNow(), CreatedAt = _clock.GetUtcNow() };
        _instances[stored.Id] = stored;
        if (_tracker.OnRegistered(stored, _clock.GetUtcNow()) is { } record)
        {
            _records[stored.Id] = record;
        }
        else
        {
            _records.Remove(stored.Id);
        }
    }

    /// <summary>One probe round an interval after the last, with the given results.</summary>
    private HealthChanges Round(params (string Id, bool Passed)[] results)
    {
        _clock.Advance(Interval);
        var targets = _tracker.ProbeTargets(_instances.Values).ToDictionary(t => t.InstanceId, StringComparer.Ordinal);
        var probeResults = results.Select(r => new ProbeResult(r.Id, targets[r.Id].Generation, r.Passed, r.Passed ? "HTTP 200" : "HTTP 503")).ToArray();
        return Apply(_tracker.Evaluate(_instances, _records, probeResults, _clock.GetUtcNow()));
    }

    private HealthChanges Tick(TimeSpan elapsed)
    {
        _clock.Advance(elapsed);
        return Apply(_tracker.Evaluate(_instances, _records, [], _clock.GetUtcNow()));
    }

    private HealthChanges Heartbeat(string id)
    {
        _instances[id] = _instances[id] with { LastHeartbeat = _clock.GetUtcNow() };
        return Apply(HealthTracker.OnHeartbeat(_instances[id], _records.GetValueOrDefault(id)));
    }

    [Fact]
    public void Report_MoreProbesThanTheStripHolds_KeepsTheLastTwentyOldestFirst()
    {
        Register(Probed("a"));

        for (var round = 0; round < 25; round++)
        {
            Round(("a", round % 2 == 0));
        }

        var probes = _tracker.Report(_instances["a"], _records.GetValueOrDefault("a")).RecentProbes;
        Assert.Equal(20, probes.Count);
        Assert.Equal(_clock.GetUtcNow(), probes[^1].At);
        Assert.Equal(_clock.GetUtcNow() - (19 * Interval), probes[0].At);
        Assert.Equal("HTTP 200", probes[^1].Detail);
        Assert.True(probes[^1].Passed);
    }

    [Fact]
    public void Report_TurnedUnhealthy_SaysWhyAndSinceWhen()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));
        Assert.Equal("registered as healthy", _tracker.Report(_instances["a"], _records.GetValueOrDefault("a")).StatusReason);

        Round(("a", false));
        Round(("a", false));

        var report = _tracker.Report(_instances["a"], _records.GetValueOrDefault("a"));
        Assert.Equal(ServiceStatus.Unhealthy, report.Status);
        Assert.Equal("probe failing (HTTP 503)", report.StatusReason);
        Assert.Equal(_clock.GetUtcNow(), report.StatusSince);
        Assert.Equal([false, false], report.RecentProbes.Select(p => p.Passed));
    }

    [Fact]
    public void Report_StatusTheReasonDoesNotExplain_FallsBackToTheRecord()
    {
        Register(Probed("a"));
        Register(Probed("b"));
        Register(Probed("c"));
        Round(("a", false));
        Round(("a", false));

        // As after a write that failed: memory holds a status the kept reason was not given for.
        var report = _tracker.Report(_instances["a"] with { Status = ServiceStatus.Healthy }, _records.GetValueOrDefault("a"));

        Assert.Equal("healthy as stored", report.StatusReason);
        Assert.Null(report.StatusSince);
    }

    [Fact]
    public void OnRegistered_SameIdAgain_KeepsItsProbeStripAndRestartsTheReason()
    {
        Register(Probed("a"));
        Round(("a", true));

        Register(Probed("a", ServiceStatus.Starting));

        var report = _tracker.Report(_instances["a"], _records.GetValueOrDefault("a"));
        Assert.Single(report.RecentProbes);
        Assert.Equal("registered as starting", report.StatusReason);
        Assert.Equal(0, report.ConsecutiveSuccesses);
    }

    private HealthChanges Apply(HealthChanges changes)
    {
        _tracker.Explain(changes.StatusChanges, _clock.GetUtcNow());
        foreach (var (id, instance) in changes.Instances)
        {
            _instances[id] = instance;
        }

        foreach (var (id, record) in changes.Records)
        {
            if (record is null)
            {
                _records.Remove(id);
            }
            else
            {
                _records[id] = record;
            }
        }

        foreach (var id in changes.Evicted)
        {
            _instances.Remove(id);
            _records.Remove(id);
            _tracker.OnRemoved(id);
        }

        return changes;
    }
}
