using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Transport;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Client.Discovery;

/// <summary>
/// The client's per-service cache of instances, kept current by the registry's pushes. The first
/// read of a service subscribes to its changes; subscriptions are renewed every
/// <see cref="RegistryClientOptions.SubscriptionRenewal"/> and at once when the cluster connection
/// changes (<see cref="IRegistryTransport.ConnectionChanged"/>). A list the registry has not confirmed within <see cref="RegistryClientOptions.CacheTtl"/>
/// is re-read; when the registry cannot be reached the last known good list is served.
/// </summary>
public sealed partial class RegistryServiceCache : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, CachedService> _services = new(StringComparer.Ordinal);
    private readonly IRegistryTransport _transport;
    private readonly RegistryClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RegistryServiceCache> _logger;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _renewNow = new(0, 1);
    private Task? _renewalLoop;
    private bool _disposed;

    public RegistryServiceCache(
        IRegistryTransport transport,
        IOptions<RegistryClientOptions> options,
        TimeProvider timeProvider,
        ILogger<RegistryServiceCache> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _transport.SnapshotReceived += ApplyPushed;
        _transport.ConnectionChanged += OnConnectionChanged;
    }

    /// <summary>Services currently cached.</summary>
    public IReadOnlyCollection<string> Services => _services.Keys.ToArray();

    /// <summary>
    /// The service's instances: from the cache when fresh, otherwise from the registry (subscribing
    /// on first use). Serves the last known good list when the registry cannot be reached.
    /// </summary>
    /// <exception cref="RegistryUnavailableException">The registry cannot be reached and the service was never cached.</exception>
    /// <exception cref="RegistryValidationException">The name is not a valid service name.</exception>
    public async ValueTask<DiscoveredService> GetAsync(string serviceName, CancellationToken cancellationToken = default)
    {
        var entry = await GetEntryAsync(serviceName, cancellationToken).ConfigureAwait(false);
        return Describe(entry);
    }

    /// <summary>The service's instances that <paramref name="filter"/> keeps (tags and metadata, as the HTTP API's <c>?tag=</c> and <c>?meta.K=V</c>).</summary>
    /// <exception cref="RegistryValidationException">The name or the filter is not valid.</exception>
    public async ValueTask<DiscoveredService> GetAsync(string serviceName, InstanceFilter filter, CancellationToken cancellationToken = default)
    {
        RegistryValidator.ValidateFilter(filter);
        return (await GetAsync(serviceName, cancellationToken).ConfigureAwait(false)).Matching(filter);
    }

    /// <summary>The cached copy, without asking the registry; false when the service is not cached.</summary>
    public bool TryGetCached(string serviceName, out DiscoveredService? service)
    {
        if (_services.TryGetValue(serviceName, out var entry) && entry.Snapshot is not null)
        {
            service = Describe(entry);
            return true;
        }

        service = null;
        return false;
    }

    /// <summary>
    /// Calls <paramref name="onSnapshot"/> with every snapshot of the service the cache takes from
    /// now on (pushes, renewals, reloads), until the result is disposed. A watched service is never
    /// dropped as idle. The callback runs on the thread that delivered the change: keep it short.
    /// </summary>
    public IDisposable Watch(string serviceName, Action<ServiceSnapshot> onSnapshot)
    {
        ArgumentNullException.ThrowIfNull(onSnapshot);
        RegistryValidator.ValidateServiceName(serviceName);
        return GetOrCreateEntry(serviceName).AddListener(onSnapshot);
    }

    /// <summary>Renews every subscription now (also done on a timer and when gateways change).</summary>
    public async Task RenewSubscriptionsAsync()
    {
        var now = _timeProvider.GetTimestamp();
        var renewals = new List<Task>();
        foreach (var entry in _services.Values)
        {
            if (entry.WatcherCount == 0 && _timeProvider.GetElapsedTime(entry.LastUsed, now) >= _options.IdleServiceExpiry)
            {
                await DropAsync(entry).ConfigureAwait(false);
                continue;
            }

            renewals.Add(RefreshQuietlyAsync(entry));
        }

        await Task.WhenAll(renewals).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            loop = _renewalLoop;
        }

        Unhook();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Courtesy only: the registry drops subscriptions that are not renewed anyway.
        await Task.WhenAll(_services.Values.Select(entry => UnsubscribeQuietlyAsync(entry.Name))).ConfigureAwait(false);

        foreach (var entry in _services.Values)
        {
            entry.Dispose();
        }

        _stopping.Dispose();
        _renewNow.Dispose();
    }

    /// <summary>Stops renewing without unsubscribing (the registry drops the subscriptions when they expire); prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Unhook();
        _stopping.Cancel();
        foreach (var entry in _services.Values)
        {
            entry.Dispose();
        }
    }

    internal async ValueTask<CachedService> GetEntryAsync(string serviceName, CancellationToken cancellationToken)
    {
        RegistryValidator.ValidateServiceName(serviceName);
        var entry = GetOrCreateEntry(serviceName);
        var now = _timeProvider.GetTimestamp();
        entry.Touch(now);

        if (entry.Snapshot is not null)
        {
            if (IsFresh(entry, now) || now < entry.RetryAfter)
            {
                return entry;
            }

            try
            {
                await entry.GetOrStartRefresh(RefreshAsync).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsRegistryFailure(exception, cancellationToken))
            {
                LogServingLastKnownGood(_logger, serviceName, entry.Snapshot.Index, _timeProvider.GetElapsedTime(entry.ConfirmedAt));
            }

            return entry;
        }

        if (now < entry.RetryAfter)
        {
            throw Unavailable(serviceName, entry.LastError);
        }

        try
        {
            await entry.GetOrStartRefresh(RefreshAsync).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsRegistryFailure(exception, cancellationToken))
        {
            throw Unavailable(serviceName, exception);
        }

        return entry;
    }

    /// <summary>Starts subscribing to the service in the background, so a later read finds it cached.</summary>
    internal void Warm(string serviceName)
    {
        var entry = GetOrCreateEntry(serviceName);
        entry.Touch(_timeProvider.GetTimestamp());
        if (entry.Snapshot is null && _timeProvider.GetTimestamp() >= entry.RetryAfter)
        {
            _ = RefreshQuietlyAsync(entry);
        }
    }

    /// <summary>True when <paramref name="snapshot"/> is the one the cache holds for its service.</summary>
    internal bool IsCurrent(ServiceSnapshot snapshot) =>
        _services.TryGetValue(snapshot.ServiceName, out var entry) && ReferenceEquals(entry.Snapshot, snapshot);

    internal bool TryGetEntry(string serviceName, out CachedService entry) => _services.TryGetValue(serviceName, out entry!);

    private void ApplyPushed(ServiceSnapshot snapshot)
    {
        if (!_services.TryGetValue(snapshot.ServiceName, out var entry))
        {
            return;
        }

        if (entry.ApplyPush(snapshot, _timeProvider.GetTimestamp()))
        {
            LogPushApplied(_logger, snapshot.ServiceName, snapshot.Index, snapshot.Instances.Count);
        }
    }

    private CachedService GetOrCreateEntry(string serviceName)
    {
        if (_services.TryGetValue(serviceName, out var existing))
        {
            return existing;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _renewalLoop ??= Task.Run(RenewalLoopAsync);
        }

        // One Random per service: strategies use it under the lock of the service's StrategySet, and Random is not thread-safe.
        return _services.GetOrAdd(serviceName, name => new CachedService(
            name,
            _timeProvider.GetTimestamp(),
            kind => SelectionStrategyFactory.Create(kind, _timeProvider, new Random(), _options.LeaseDuration)));
    }

    private async Task RefreshAsync(CachedService entry)
    {
        var appliedAtCall = entry.AppliedCount;
        var hadFailed = entry.LastError is not null;
        try
        {
            var snapshot = await _transport.SubscribeAsync(entry.Name, _stopping.Token)
                .WaitAsync(_options.RegistryTimeout, _timeProvider)
                .ConfigureAwait(false);
            if (entry.ApplyCurrent(snapshot, _timeProvider.GetTimestamp(), appliedAtCall))
            {
                LogSnapshotLoaded(_logger, entry.Name, snapshot.Index, snapshot.Instances.Count);
            }

            if (hadFailed)
            {
                LogRegistryReachableAgain(_logger, entry.Name);
            }
        }
        catch (Exception exception) when (exception is not RegistryValidationException)
        {
            entry.MarkFailed(_timeProvider.GetTimestamp() + ToTimestampTicks(_options.OutageRetryInterval), exception);
            LogRegistryCallFailed(_logger, exception, entry.Name);
            throw;
        }
    }

    private async Task RefreshQuietlyAsync(CachedService entry)
    {
        try
        {
            await entry.GetOrStartRefresh(RefreshAsync).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Logged by RefreshAsync; the entry keeps its last known good list.
        }
    }

    private async Task DropAsync(CachedService entry)
    {
        if (!_services.TryRemove(new KeyValuePair<string, CachedService>(entry.Name, entry)))
        {
            return;
        }

        LogIdleServiceDropped(_logger, entry.Name);
        entry.Dispose();
        await UnsubscribeQuietlyAsync(entry.Name).ConfigureAwait(false);
    }

    private async Task UnsubscribeQuietlyAsync(string serviceName)
    {
        try
        {
            await _transport.UnsubscribeAsync(serviceName, CancellationToken.None)
                .WaitAsync(_options.RegistryTimeout, _timeProvider)
                .ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The transport went first (the host is shutting down): nothing to unsubscribe through.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogUnsubscribeFailed(_logger, exception, serviceName);
        }
    }

    private async Task RenewalLoopAsync()
    {
        using var timer = _timeProvider.CreateTimer(static state => ((RegistryServiceCache)state!).RequestRenewal(), this, _options.SubscriptionRenewal, _options.SubscriptionRenewal);
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _renewNow.WaitAsync(stopping).ConfigureAwait(false);
                await RenewSubscriptionsAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogRenewalFailed(_logger, exception);
            }
        }
    }

    private void OnConnectionChanged()
    {
        LogConnectionChanged(_logger);
        RequestRenewal();
    }

    private void Unhook()
    {
        _transport.SnapshotReceived -= ApplyPushed;
        _transport.ConnectionChanged -= OnConnectionChanged;
    }

    private void RequestRenewal()
    {
        try
        {
            // At most one renewal waits: requests that arrive meanwhile are covered by it.
            if (_renewNow.CurrentCount == 0)
            {
                _renewNow.Release();
            }
        }
        catch (Exception exception) when (exception is SemaphoreFullException or ObjectDisposedException)
        {
        }
    }

    private DiscoveredService Describe(CachedService entry)
    {
        var now = _timeProvider.GetTimestamp();
        return new DiscoveredService(entry.Snapshot!, !IsFresh(entry, now), _timeProvider.GetElapsedTime(entry.ConfirmedAt, now))
        {
            Selectable = entry.Selectable,
        };
    }

    private bool IsFresh(CachedService entry, long now) =>
        entry.ConfirmedAt != 0 && _timeProvider.GetElapsedTime(entry.ConfirmedAt, now) < _options.CacheTtl;

    private static bool IsRegistryFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not RegistryValidationException
        && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private static RegistryUnavailableException Unavailable(string serviceName, Exception? cause) =>
        new(serviceName, $"The registry could not be reached for service '{serviceName}', and it has no earlier list of it: {cause?.Message}", cause);

    private long ToTimestampTicks(TimeSpan duration) =>
        (long)(duration.Ticks * ((double)_timeProvider.TimestampFrequency / TimeSpan.TicksPerSecond));
}
