using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansRegistry.Errors;
using OrleansRegistry.Grains;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;
using OrleansRegistry.Options;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Caching;

/// <summary>
/// This silo's one copy of each service it has been asked about or told of, kept current by the
/// service grains' pushes (every stored change is pushed to every silo before it is acknowledged).
/// Reads, picks and blocking queries are all answered from it. A silo that has no copy loads one
/// from the service grain; a copy no push refreshed for a while is loaded again: after
/// <see cref="ReadMaxAge"/> for reads (heartbeat times are not pushed, so they lag by at most that)
/// and after <see cref="BalancerOptions.SnapshotMaxAge"/> for picks (a safety net for a lost push).
/// Concurrent loads of one service share one grain call. Nothing is answered while the
/// <see cref="SiloServingGate"/> is closed, and after a pause every copy is loaded again.
/// </summary>
public sealed partial class SiloServiceCache(
    IGrainFactory grainFactory,
    SiloServingGate gate,
    TimeProvider timeProvider,
    IOptions<BalancerOptions> options,
    ILogger<SiloServiceCache> logger)
{
    /// <summary>How old a copy a read may answer with: the most its heartbeat times lag.</summary>
    public static readonly TimeSpan ReadMaxAge = TimeSpan.FromSeconds(1);

    /// <summary>How long a read waits for the service grain before it answers with the copy it has.</summary>
    public static readonly TimeSpan GrainReadTimeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, ServiceCacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<ServiceCacheEntry>>> _loads = new(StringComparer.Ordinal);
    private long _pausesSeen;

    public int Count => _entries.Count;

    /// <summary>Every copy held now (a moment's view; copies may come and go while it is read).</summary>
    public IEnumerable<ServiceCacheEntry> Entries => _entries.Values;

    public bool TryGet(string serviceName, out ServiceCacheEntry entry) => _entries.TryGetValue(serviceName, out entry!);

    /// <summary>Takes a pushed or loaded snapshot; an older one than held is ignored.</summary>
    public ServiceCacheEntry Apply(ServiceSnapshot snapshot) => Apply(snapshot, loaded: false);
    private ServiceCacheEntry Apply(ServiceSnapshot snapshot, bool loaded)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = timeProvider.GetTimestamp();
        while (true)
        {
            if (_entries.TryGetValue(snapshot.ServiceName, out var existing))
            {
                existing.Apply(snapshot, now, loaded);
                return existing;
            }

            var created = new ServiceCacheEntry(snapshot, now, CreateStrategy);
            if (_entries.TryAdd(snapshot.ServiceName, created))
            {
                return created;
            }
        }
    }

    /// <summary>The copy picks and blocking queries use: loaded when missing or not refreshed for SnapshotMaxAge.</summary>
    public ValueTask<ServiceCacheEntry> GetAsync(string serviceName) => GetAsync(serviceName, options.Value.SnapshotMaxAge);

    /// <summary>Asks the service grain now, whatever the copy's age.</summary>
    public ValueTask<ServiceCacheEntry> RefreshAsync(string serviceName) => GetAsync(serviceName, TimeSpan.Zero);

    /// <summary>
    /// The copy a read answers with: loaded when older than <see cref="ReadMaxAge"/>. When the
    /// service grain cannot answer in time (its silo just died, or storage is down while it
    /// reactivates) and this silo has a copy, that copy is served marked stale, as Eureka does: the
    /// last known instances are more use to a caller than an error.
    /// </summary>
    public async ValueTask<ServiceRead> ReadAsync(string serviceName)
    {
        try
        {
            var entry = await GetAsync(serviceName, ReadMaxAge);
            return new ServiceRead(entry.Current, Stale: false);
        }
        catch (Exception exception) when (exception is not (RegistryValidationException or SiloNotServingException) && _entries.TryGetValue(serviceName, out var entry))
        {
            LogServedStale(logger, exception, serviceName, entry.Current.Index);
            return new ServiceRead(entry.Current, Stale: true);
        }
    }

    public bool ReleaseLease(string serviceName, long leaseId) =>
        _entries.TryGetValue(serviceName, out var entry) && entry.ReleaseLease(leaseId);

    private ValueTask<ServiceCacheEntry> GetAsync(string serviceName, TimeSpan maxAge)
    {
        var serving = gate.EnsureServingAsync();
        if (!serving.IsCompletedSuccessfully)
        {
            return GetAfterConfirmedAsync(serving, serviceName, maxAge);
        }

        ReloadAfterPauses();
        return TryFresh(serviceName, maxAge, out var entry)
            ? ValueTask.FromResult(entry)
            : new ValueTask<ServiceCacheEntry>(SharedLoadAsync(serviceName, maxAge));
    }

    private bool TryFresh(string serviceName, TimeSpan maxAge, out ServiceCacheEntry entry) =>
        _entries.TryGetValue(serviceName, out entry!) && !entry.NeedsLoad && timeProvider.GetElapsedTime(entry.RefreshedAt) < maxAge;

    private async ValueTask<ServiceCacheEntry> GetAfterConfirmedAsync(ValueTask serving, string serviceName, TimeSpan maxAge)
    {
        await serving;
        return await GetAsync(serviceName, maxAge);
    }

    /// <summary>After the gate saw a pause, every copy held is loaded again before it is used.</summary>
    private void ReloadAfterPauses()
    {
        var pauses = gate.Pauses;
        if (Interlocked.Exchange(ref _pausesSeen, pauses) == pauses)
        {
            return;
        }

        foreach (var entry in _entries.Values)
        {
            entry.NeedsLoad = true;
        }
    }

    /// <summary>
    /// One grain call for all the callers that found no fresh copy: a caller arriving just after a
    /// load finished takes its result (the re-check), and concurrent callers share one load (the
    /// <see cref="Lazy{T}"/>: a dictionary's value factory may run more than once in a race).
    /// </summary>
    private async Task<ServiceCacheEntry> SharedLoadAsync(string serviceName, TimeSpan maxAge)
    {
        if (TryFresh(serviceName, maxAge, out var fresh))
        {
            return fresh;
        }

        var pending = _loads.GetOrAdd(serviceName, name => new Lazy<Task<ServiceCacheEntry>>(() => LoadAsync(name)));
        try
        {
            return await pending.Value;
        }
        finally
        {
            _loads.TryRemove(new KeyValuePair<string, Lazy<Task<ServiceCacheEntry>>>(serviceName, pending));
        }
    }

    private async Task<ServiceCacheEntry> LoadAsync(string serviceName)
    {
        var snapshot = await grainFactory.GetGrain<IServiceGrain>(serviceName).GetSnapshotAsync().WaitAsync(GrainReadTimeout, timeProvider);
        return Apply(snapshot, loaded: true);
    }

    // Each service locks only its own strategies, so picks of different services run in parallel: the random
    // source they share must be the thread-safe one.
    private ISelectionStrategy CreateStrategy(LoadBalancingStrategy kind) =>
        SelectionStrategyFactory.Create(kind, timeProvider, Random.Shared, options.Value.LeaseDuration);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Warning, Message = "Service grain of {ServiceName} did not answer; served this silo's copy at index {Index}")]
    private static partial void LogServedStale(ILogger logger, Exception exception, string serviceName, long index);
}
