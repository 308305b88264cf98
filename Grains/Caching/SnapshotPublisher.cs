using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansRegistry.Diagnostics;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Options;

namespace OrleansRegistry.Caching;

/// <summary>
/// Pushes a service's new snapshot to the cache of every active silo and waits (up to
/// <see cref="BalancerOptions.PublishTimeout"/>) for them, so that when a change is acknowledged no
/// balancer still hands out what it removed. A silo that misses a push reloads on its own once its
/// copy is older than <see cref="BalancerOptions.SnapshotMaxAge"/>.
/// </summary>
public sealed partial class SnapshotPublisher(
    IClusterMembershipService membership,
    IGrainFactory grainFactory,
    TimeProvider timeProvider,
    RegistryMetrics metrics,
    IOptions<BalancerOptions> options,
    ILogger<SnapshotPublisher> logger)
{
    public async Task PublishAsync(ServiceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var activity = RegistryTracing.Source.StartActivity("change push");
        activity?.SetTag("registry.service", snapshot.ServiceName);
        activity?.SetTag("registry.index", snapshot.Index);
        var started = timeProvider.GetTimestamp();
        var pushes = new List<Task>();
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active)
            {
                pushes.Add(PushAsync(member.SiloAddress, snapshot));
            }
        }

        var all = Task.WhenAll(pushes);
        using var cancelTimeout = new CancellationTokenSource();
        var timeout = Task.Delay(options.Value.PublishTimeout, timeProvider, cancelTimeout.Token);
        if (await Task.WhenAny(all, timeout) == timeout)
        {
            LogPublishTimedOut(logger, snapshot.ServiceName, snapshot.Index, options.Value.PublishTimeout);
        }

        metrics.Pushed(timeProvider.GetElapsedTime(started));

        await cancelTimeout.CancelAsync();
    }

    private async Task PushAsync(SiloAddress silo, ServiceSnapshot snapshot)
    {
        try
        {
            await grainFactory.GetGrain<ISiloCacheGrain>(SiloKey.Of(silo)).ApplyAsync(snapshot);
        }
        catch (Exception exception)
        {
            // The silo is leaving or unreachable; it reloads from the service grain when it next needs the service.
            LogPushFailed(logger, exception, snapshot.ServiceName, snapshot.Index, silo);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Push of {ServiceName} at index {Index} to silo {Silo} failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string serviceName, long index, SiloAddress silo);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Push of {ServiceName} at index {Index} not acknowledged by every silo within {Timeout}")]
    private static partial void LogPublishTimedOut(ILogger logger, string serviceName, long index, TimeSpan timeout);
}
