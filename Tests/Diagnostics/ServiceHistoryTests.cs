using OrleansRegistry.Diagnostics;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Diagnostics;

/// <summary>The per-silo history behind the registry view's plots: bounded, and forgetting what is gone.</summary>
public sealed class ServiceHistoryTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ServiceHistory _history = new();

    [Fact]
    public void Record_Instances_CountsHealthyOfTotal()
    {
        _history.Record(Start, [Snapshot("orders", ServiceStatus.Healthy, ServiceStatus.Unhealthy, ServiceStatus.Starting)]);

        Assert.Equal(new HistorySample(Start, 1, 3), Assert.Single(_history.Of("orders")));
    }

    [Fact]
    public void Record_UnchangedForLongerThanTheWindow_KeepsFifteenMinutesOfTenSecondSamples()
    {
        for (var i = 0; i < 100; i++)
        {
            _history.Record(Start + (i * ServiceHistory.SampleInterval), [Snapshot("orders", ServiceStatus.Healthy)]);
        }

        var samples = _history.Of("orders");
        Assert.Equal(90, samples.Count);
        Assert.Equal(Start + (10 * ServiceHistory.SampleInterval), samples[0].At);
        Assert.Equal(Start + (99 * ServiceHistory.SampleInterval), samples[^1].At);
        Assert.Equal(TimeSpan.FromMinutes(15), ServiceHistory.Window);
    }

    [Fact]
    public void Record_UnchangedWithinTheInterval_TakesNoSample()
    {
        _history.Record(Start, [Snapshot("orders", ServiceStatus.Healthy)]);

        _history.Record(Start + ServiceHistory.CheckInterval, [Snapshot("orders", ServiceStatus.Healthy)]);

        Assert.Single(_history.Of("orders"));
    }

    [Fact]
    public void Record_CopyChanged_SamplesAtOnce()
    {
        _history.Record(Start, [Snapshot("orders", ServiceStatus.Healthy, ServiceStatus.Healthy)]);

        _history.Record(Start + ServiceHistory.CheckInterval, [Snapshot("orders", 2, ServiceStatus.Healthy, ServiceStatus.Unhealthy)]);

        Assert.Equal([new HistorySample(Start, 2, 2), new HistorySample(Start + ServiceHistory.CheckInterval, 1, 2)], _history.Of("orders"));
    }

    [Fact]
    public void Record_ChangingEverySecond_KeepsAtMostMaxSamples()
    {
        for (var i = 0; i < 300; i++)
        {
            _history.Record(Start + (i * ServiceHistory.CheckInterval), [Snapshot("orders", i, ServiceStatus.Healthy)]);
        }

        var samples = _history.Of("orders");
        Assert.Equal(ServiceHistory.MaxSamples, samples.Count);
        Assert.Equal(Start + (299 * ServiceHistory.CheckInterval), samples[^1].At);
    }

    [Fact]
    public void Record_ServiceNoLongerCopied_ForgetsIt()
    {
        _history.Record(Start, [Snapshot("orders", ServiceStatus.Healthy), Snapshot("users", ServiceStatus.Healthy)]);

        _history.Record(Start + ServiceHistory.SampleInterval, [Snapshot("users", ServiceStatus.Healthy)]);

        Assert.Empty(_history.Of("orders"));
        Assert.Equal(2, _history.Of("users").Count);
        Assert.Equal(1, _history.Count);
    }

    [Fact]
    public void Record_EmptyForTheWholeWindow_ForgetsTheService()
    {
        _history.Record(Start, [Snapshot("orders", ServiceStatus.Healthy)]);
        for (var i = 1; i < 90; i++)
        {
            _history.Record(Start + (i * ServiceHistory.SampleInterval), [Snapshot("orders", 2)]);
        }

        Assert.Equal(90, _history.Of("orders").Count);

        _history.Record(Start + ServiceHistory.Window, [Snapshot("orders", 2)]);

        Assert.Empty(_history.Of("orders"));
        Assert.Equal(0, _history.Count);
    }

    [Fact]
    public void Record_NeverHadInstances_KeepsNothing()
    {
        _history.Record(Start, [Snapshot("empty")]);

        Assert.Equal(0, _history.Count);
    }

    private static ServiceSnapshot Snapshot(string service, params ServiceStatus[] statuses) => Snapshot(service, 1, statuses);

    private static ServiceSnapshot Snapshot(string service, long index, params ServiceStatus[] statuses) =>
        new(service, index, statuses.Select((status, i) => Instances.Create(service, $"i{i}", status: status)).ToArray());
}
