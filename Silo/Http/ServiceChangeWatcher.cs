using Microsoft.Extensions.Options;
using OrleansRegistry.Caching;
using OrleansRegistry.Diagnostics;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Options;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Serves blocking queries from this silo's <see cref="SiloServiceCache"/>, which the service grains
/// push every stored change into. A waiting request holds no grain turn and reads no storage: it
/// awaits the cache entry's <see cref="ServiceCacheEntry.Changed"/> signal, then answers like any
/// read, from the silo's copy (whose index and instances belong together). A query with a filter
/// wakes only when the filtered answer differs from the one at its index: a change to instances it
/// does not list leaves it waiting.
/// </summary>
public sealed partial class ServiceChangeWatcher(
    SiloServiceCache cache,
    RegistryMetrics metrics,
    TimeProvider timeProvider,
    IOptions<BalancerOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ServiceChangeWatcher> logger)
{
    private int _waiting;

    /// <summary>Requests waiting for a change right now (for diagnostics and tests).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The service's copy once its index is above <see cref="BlockingQuery.Index"/> or the wait is over.</summary>
    public Task<ServiceRead> WaitAsync(string serviceName, BlockingQuery query, CancellationToken cancellationToken) =>
        WaitAsync(serviceName, query, FilteredAnswer.Unfiltered, cancellationToken);

    /// <summary>
    /// The service's copy once its index is above <see cref="BlockingQuery.Index"/> and, for a
    /// filtered <paramref name="answer"/>, what it lists changed too; or when the wait is over.
    /// </summary>
    public async Task<ServiceRead> WaitAsync(string serviceName, BlockingQuery query, FilteredAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(answer);
        var entry = await cache.GetAsync(serviceName);
        if (entry.Current.Index < query.Index)
        {
            // Either this silo has not yet seen a change another silo reported, or the registry lost
            // its history (in-memory storage restarted). One look at the service grain tells which.
            entry = await cache.RefreshAsync(serviceName);
            if (entry.Current.Index != query.Index)
            {
                return new ServiceRead(entry.Current, Stale: false);
            }
        }

        if (entry.Current.Index == query.Index)
        {
            var change = answer.Filter.IsEmpty ? null : new FilteredChange(answer, entry.Current);
            await WaitForChangeAsync(serviceName, entry, query, change, cancellationToken);
        }

        return await cache.ReadAsync(serviceName);
    }

    private async Task WaitForChangeAsync(string serviceName, ServiceCacheEntry entry, BlockingQuery query, FilteredChange? change, CancellationToken cancellationToken)
    {
        var wait = query.Wait + (query.Wait / HttpApiLimits.JitterDivisor * Random.Shared.NextDouble());
        var started = timeProvider.GetTimestamp();
        using var stopOrAbort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        Interlocked.Increment(ref _waiting);
        metrics.BlockingQueryStarted();
        LogWaiting(logger, serviceName, query.Index, wait);
        try
        {
            while (!stopOrAbort.IsCancellationRequested)
            {
                // Take the signal before reading the index, so that a change in between is not missed.
                var changed = entry.Changed;
                if (entry.Snapshot.Index > query.Index && (change is null || change.IsChangedIn(entry.Current)))
                {
                    return;
                }

                var remaining = wait - timeProvider.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    return;
                }

                // Waking every SnapshotMaxAge lets the cache reload a copy whose push was lost;
                // with pushes flowing, GetAsync returns the same entry without a call.
                var slice = remaining < options.Value.SnapshotMaxAge ? remaining : options.Value.SnapshotMaxAge;
                using (var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(stopOrAbort.Token))
                {
                    var delay = Task.Delay(slice, timeProvider, cancelDelay.Token);
                    await Task.WhenAny(changed, delay);
                    await cancelDelay.CancelAsync();
                }

                entry = await cache.GetAsync(serviceName);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            metrics.BlockingQueryEnded();
        }

        // The client went away (the server drops the answer) or the silo is stopping (answer now with what is current).
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The filtered answer a blocking query started from, compared with each newer copy once.</summary>
    private sealed class FilteredChange(FilteredAnswer answer, ServiceCopy start)
    {
        private readonly byte[] _started = answer.Fingerprint(start);
        private ServiceCopy _lastSeen = start;

        public bool IsChangedIn(ServiceCopy copy)
        {
            if (ReferenceEquals(copy, _lastSeen))
            {
                return false;
            }

            _lastSeen = copy;
            return !answer.Fingerprint(copy).AsSpan().SequenceEqual(_started);
        }
    }
}
