using System.Collections.Concurrent;
using OrleansRegistry.Caching;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Reads a service for the HTTP API. The service grain is the source of truth, asked at most once
/// per <see cref="RecentReadAge"/> per service on this silo: within that time a read is answered
/// with the grain's last answer, or with the silo's pushed copy when a push brought a newer change
/// (every stored change is pushed to every silo before it is acknowledged), so a burst of reads
/// costs one grain call and only heartbeat times can lag, by at most that age. When the grain
/// cannot answer quickly (its silo just died, or storage is down while it reactivates), the read
/// is served from this silo's pushed copy instead and marked stale, as Eureka does: a registry
/// that answers with the last known instances is more useful to a caller than one that fails.
/// </summary>
internal sealed partial class ServiceReads(IGrainFactory grains, SiloServiceCache cache, TimeProvider timeProvider, ILogger<ServiceReads> logger)
{
    /// <summary>How long a read waits for the service grain before it falls back to the silo's copy.</summary>
    public static readonly TimeSpan GrainReadTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the grain's answer is reused for further reads of the same service.</summary>
    public static readonly TimeSpan RecentReadAge = TimeSpan.FromSeconds(1);

    /// <summary>More services than this and the recent answers are dropped: bounded memory.</summary>
    private const int MaxRecentReads = 4096;

    private readonly ConcurrentDictionary<string, RecentRead> _recent = new(StringComparer.Ordinal);

    public ValueTask<(ServiceSnapshot Snapshot, bool Stale)> ReadAsync(string serviceName)
    {
        if (_recent.TryGetValue(serviceName, out var recent) && timeProvider.GetElapsedTime(recent.ReadAt) < RecentReadAge)
        {
            var pushed = cache.TryGet(serviceName, out var entry) ? entry.Snapshot : null;
            return ValueTask.FromResult((pushed is not null && pushed.Index > recent.Snapshot.Index ? pushed : recent.Snapshot, false));
        }

        return ReadFromGrainAsync(serviceName);
    }

    private async ValueTask<(ServiceSnapshot Snapshot, bool Stale)> ReadFromGrainAsync(string serviceName)
    {
        try
        {
            var readAt = timeProvider.GetTimestamp();
            var snapshot = await grains.GetGrain<IServiceGrain>(serviceName).GetSnapshotAsync().WaitAsync(GrainReadTimeout);
            if (_recent.Count >= MaxRecentReads)
            {
                _recent.Clear();
            }

            _recent[serviceName] = new RecentRead(snapshot, readAt);
            return (snapshot, false);
        }
        catch (Exception exception) when (exception is not RegistryValidationException && cache.TryGet(serviceName, out var entry))
        {
            LogServedStale(logger, exception, serviceName, entry.Snapshot.Index);
            return (entry.Snapshot, true);
        }
    }

    [LoggerMessage(EventId = 4030, Level = LogLevel.Warning, Message = "Service grain of {ServiceName} did not answer; served this silo's copy at index {Index}")]
    private static partial void LogServedStale(ILogger logger, Exception exception, string serviceName, long index);

    private sealed record RecentRead(ServiceSnapshot Snapshot, long ReadAt);
}
