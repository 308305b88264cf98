using OrleansRegistry.Diagnostics;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// A blocking query on a namespace's catalog. The catalog grain wakes its waiting calls when the
/// listing changes (the service grains tell it); one call waits at most
/// <see cref="ServiceCatalogLimits.MaxWait"/>, inside the silos' response timeout, so a longer wait
/// is a few calls in a row.
/// </summary>
internal static class CatalogWait
{
    public static async Task<ServiceCatalogListing> WaitAsync(
        IServiceCatalogGrain catalog,
        BlockingQuery query,
        RegistryMetrics metrics,
        TimeProvider timeProvider,
        CancellationToken stopping,
        CancellationToken aborted)
    {
        var wait = query.Wait + (query.Wait / HttpApiLimits.JitterDivisor * Random.Shared.NextDouble());
        var started = timeProvider.GetTimestamp();
        metrics.BlockingQueryStarted();
        try
        {
            while (true)
            {
                var remaining = wait - timeProvider.GetElapsedTime(started);
                var listing = await catalog.WaitForChangeAsync(query.Index, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero).WaitAsync(aborted);
                if (listing.Index != query.Index || timeProvider.GetElapsedTime(started) >= wait || stopping.IsCancellationRequested)
                {
                    return listing;
                }
            }
        }
        finally
        {
            metrics.BlockingQueryEnded();
        }
    }
}
