using OrleansRegistry.Caching;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Reads a service for the HTTP API. The service grain is the source of truth; when it cannot
/// answer quickly (its silo just died, or storage is down while it reactivates), the read is served
/// from this silo's pushed copy instead and marked stale, as Eureka does: a registry that answers
/// with the last known instances is more useful to a caller than one that fails.
/// </summary>
internal sealed partial class ServiceReads(IGrainFactory grains, SiloServiceCache cache, ILogger<ServiceReads> logger)
{
    /// <summary>How long a read waits for the service grain before it falls back to the silo's copy.</summary>
    public static readonly TimeSpan GrainReadTimeout = TimeSpan.FromSeconds(2);

    public async Task<(ServiceSnapshot Snapshot, bool Stale)> ReadAsync(string serviceName)
    {
        try
        {
            var snapshot = await grains.GetGrain<IServiceGrain>(serviceName).GetSnapshotAsync().WaitAsync(GrainReadTimeout);
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
}
