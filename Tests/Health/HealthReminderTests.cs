using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using Xunit.Abstractions;
using static OrleansRegistry.Tests.Health.HealthSteps;

namespace OrleansRegistry.Tests.Health;

/// <summary>The keep-alive reminder: held while there is something to check, and what brings checking back.</summary>
[Collection(HealthClusterCollection.Name)]
public sealed class HealthReminderTests(HealthClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private IServiceGrain Service(string name) => fixture.GrainFactory.GetGrain<IServiceGrain>(name);

    [Fact]
    public async Task Reminder_HeldWhileSomethingIsChecked_DroppedWhenNothingIs()
    {
        var name = Instances.UniqueService("reminder");
        var grainId = Service(name).GetGrainId();
        await Service(name).RegisterAsync(Instances.Create(name, "plain"));
        Assert.Empty((await fixture.Cluster.Reminders.ReadRows(grainId)).Reminders);

        await Service(name).RegisterAsync(Probed(fixture.Backend, name, "checked"));
        var reminder = Assert.Single((await fixture.Cluster.Reminders.ReadRows(grainId)).Reminders);
        Assert.Equal(HealthClusterFixture.Options.Interval, reminder.Period);

        await Service(name).DeregisterAsync("checked");

        Assert.Empty((await fixture.Cluster.Reminders.ReadRows(grainId)).Reminders);
        Assert.False((await ReportAsync(fixture.GrainFactory, name)).Checking);
    }

    [Fact]
    public async Task Reminder_ReregisteredWithoutCheck_DropsTheReminder()
    {
        var name = Instances.UniqueService("reminder-rereg");
        var grainId = Service(name).GetGrainId();
        await Service(name).RegisterAsync(Instances.Create(name, "i1") with { Check = new InstanceCheck(Ttl: TimeSpan.FromMinutes(1)) });
        Assert.Single((await fixture.Cluster.Reminders.ReadRows(grainId)).Reminders);

        await Service(name).RegisterAsync(Instances.Create(name, "i1"));

        Assert.Empty((await fixture.Cluster.Reminders.ReadRows(grainId)).Reminders);
    }

    [Fact]
    public async Task Checking_AfterDeactivation_ResumesThroughTheReminder()
    {
        var name = Instances.UniqueService("deactivated");
        var path = PathOf(name, "a");
        await Service(name).RegisterAsync(Probed(fixture.Backend, name, "a"));
        await Eventually.TrueAsync(() => Task.FromResult(fixture.Backend.Hits(path) > 0), Deadline, "a first probe");

        await fixture.Cluster.Cluster.DeactivateAsync(Service(name));
        var deactivatedAt = fixture.Backend.Now;
        var hitsAfterDeactivation = fixture.Backend.Hits(path);

        // Nobody calls the grain: only its reminder can bring it back.
        await Eventually.TrueAsync(
            () => Task.FromResult(fixture.Backend.Hits(path) > hitsAfterDeactivation + 1 && fixture.Backend.LastHitAt(path) > deactivatedAt),
            Deadline,
            "probing to resume after the grain was deactivated");
        output.WriteLine($"probing resumed {(fixture.Backend.LastHitAt(path)!.Value - deactivatedAt).TotalMilliseconds:0} ms after deactivation");
    }

    [Fact]
    public async Task Heartbeat_WithinLease_NeverWritesStorage()
    {
        var name = Instances.UniqueService("hb-writes");
        var grainId = Service(name).GetGrainId();
        await Service(name).RegisterAsync(Instances.Create(name, "lease") with { Check = new InstanceCheck(Ttl: TimeSpan.FromMinutes(5)) });
        await Service(name).RegisterAsync(Instances.Create(name, "plain"));
        var writes = fixture.Cluster.Store.Writes("service", grainId);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HeartbeatResult.Renewed, await Service(name).HeartbeatAsync(i % 2 == 0 ? "lease" : "plain"));
        }

        Assert.Equal(writes, fixture.Cluster.Store.Writes("service", grainId));
    }
}
