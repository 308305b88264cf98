using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;
using OrleansRegistry.Options;

namespace OrleansRegistry.Caching;

/// <summary>
/// This silo's copies of the services it has been asked about, kept current by the service
/// grains' pushes. Balancers pick from it and blocking queries wait on it; neither calls a
/// service grain on the hot path.
/// </summary>
public sealed class SiloServiceCache(TimeProvider timeProvider, IOptions<BalancerOptions> options)
{
    private readonly ConcurrentDictionary<string, ServiceCacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<ServiceCacheEntry>> _loads = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(string serviceName, out ServiceCacheEntry entry) => _entries.TryGetValue(serviceName, out entry!);

    /// <summary>True when the entry was refreshed recently enough to be served without a reload.</summary>
    public bool IsFresh(ServiceCacheEntry entry) =>
        timeProvider.GetElapsedTime(entry.RefreshedAt) < options.Value.SnapshotMaxAge;

    /// <summary>Takes a pushed or loaded snapshot; an older one than held is ignored.</summary>
    public ServiceCacheEntry Apply(ServiceSnapshot snapshot)
    {
        var now = timeProvider.GetTimestamp();
        while (true)
        {
            if (_entries.TryGetValue(snapshot.ServiceName, out var existing))
            {
                existing.Apply(snapshot, now);
                return existing;
            }

            var created = new ServiceCacheEntry(snapshot, now, CreateStrategy);
            if (_entries.TryAdd(snapshot.ServiceName, created))
            {
                return created;
            }
        }
    }

    /// <summary>
    /// The entry for <paramref name="serviceName"/>, loaded through <paramref name="load"/> when this
    /// silo has none or it went stale. Concurrent callers share one load.
    /// </summary>
    public async ValueTask<ServiceCacheEntry> GetOrLoadAsync(string serviceName, Func<string, Task<ServiceSnapshot>> load)
    {
        if (_entries.TryGetValue(serviceName, out var entry) && IsFresh(entry))
        {
            return entry;
        }

        var pending = _loads.GetOrAdd(serviceName, name => LoadAsync(name, load));
        try
        {
            return await pending;
        }
        finally
        {
            _loads.TryRemove(new KeyValuePair<string, Task<ServiceCacheEntry>>(serviceName, pending));
        }
    }

    public bool ReleaseLease(string serviceName, long leaseId) =>
        _entries.TryGetValue(serviceName, out var entry) && entry.ReleaseLease(leaseId);

    private async Task<ServiceCacheEntry> LoadAsync(string serviceName, Func<string, Task<ServiceSnapshot>> load)
    {
        var snapshot = await load(serviceName);
        return Apply(snapshot);
    }

    // Entries lock only themselves, so picks of different services run in parallel: the random
    // source they share must be the thread-safe one.
    private ISelectionStrategy CreateStrategy(LoadBalancingStrategy kind) =>
        SelectionStrategyFactory.Create(kind, timeProvider, Random.Shared, options.Value.LeaseDuration);
}
