using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Transport;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Client.Picking;

/// <summary>
/// Picks an instance and counts the connection on it: locally from the pushed cache with the
/// balancer's strategy classes, or through the registry's balancer (<see cref="IRegistryTransport.SelectAsync"/>). Instances whose circuit
/// breaker is open are skipped, and so are instances the caller already tried in this call while
/// others remain.
/// </summary>
public sealed partial class InstanceSelector
{
    // Balancer mode re-asks this often for an instance the call has not tried before settling.
    private const int BalancerPicksPerAttempt = 3;

    private readonly RegistryServiceCache _cache;
    private readonly InstanceCircuitBreakers _breakers;
    private readonly IRegistryTransport _transport;
    private readonly RegistryClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<InstanceSelector> _logger;
    private long _openLeases;
    private long _abandonedSelections;

    public InstanceSelector(
        RegistryServiceCache cache,
        InstanceCircuitBreakers breakers,
        IRegistryTransport transport,
        IOptions<RegistryClientOptions> options,
        TimeProvider timeProvider,
        ILogger<InstanceSelector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _breakers = breakers;
        _transport = transport;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Leases handed out and not yet disposed, over every service (in-flight calls).</summary>
    public long OpenLeases => Interlocked.Read(ref _openLeases);

    /// <summary>Balancer selections whose caller gave up, still awaited so their leases can be returned.</summary>
    public long AbandonedSelections => Interlocked.Read(ref _abandonedSelections);

    /// <summary>
    /// Picks an instance of <paramref name="serviceName"/> and opens a lease on it; dispose the
    /// lease when the call is over.
    /// </summary>
    /// <param name="avoid">Ids of instances to skip while any other is available (those tried already).</param>
    /// <param name="selection">Where to pick; null for <see cref="RegistryClientOptions.Selection"/>.</param>
    /// <param name="filter">Only instances it keeps (tags and metadata, as <c>?tag=</c> and <c>?meta.K=V</c>); null for all.</param>
    /// <param name="near">
    /// Prefer instances whose <c>metadata["zone"]</c> is this zone; when none is eligible there, pick
    /// among all (the lease's <see cref="InstanceLease.ZoneFallback"/> says so).
    /// </param>
    /// <exception cref="NoInstanceAvailableException">No healthy instance, or all of them have open breakers.</exception>
    /// <exception cref="RegistryUnavailableException">The registry cannot be reached and the service was never cached.</exception>
    public ValueTask<InstanceLease> AcquireAsync(
        string serviceName,
        LoadBalancingStrategy strategy,
        IReadOnlyCollection<string>? avoid = null,
        SelectionMode? selection = null,
        InstanceFilter? filter = null,
        string? near = null,
        CancellationToken cancellationToken = default)
    {
        RegistryValidator.ValidateServiceName(serviceName);
        filter ??= InstanceFilter.None;
        RegistryValidator.ValidateFilter(filter);
        if (near is not null)
        {
            RegistryValidator.ValidateZone(near);
        }

        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown load-balancing strategy");
        }

        avoid ??= [];
        return (selection ?? _options.Selection) == SelectionMode.Balancer
            ? AcquireThroughBalancerAsync(serviceName, strategy, avoid, filter, near, cancellationToken)
            : AcquireLocallyAsync(serviceName, strategy, avoid, filter, near, cancellationToken);
    }

    private async ValueTask<InstanceLease> AcquireLocallyAsync(
        string serviceName, LoadBalancingStrategy strategy, IReadOnlyCollection<string> avoid, InstanceFilter filter, string? near, CancellationToken cancellationToken)
    {
        var entry = await _cache.GetEntryAsync(serviceName, cancellationToken).ConfigureAwait(false);
        var (selectable, zoneFallback) = (filter.IsEmpty && near is null) || entry.Candidates is not { } lists
            ? new SelectionCandidates(entry.Selectable, ZoneFallback: false)
            : lists.For(filter, near);
        if (selectable.Length == 0)
        {
            throw new NoInstanceAvailableException(serviceName, NoInstanceReason.NoneSelectable);
        }

        var candidates = Candidates(selectable, avoid)
            ?? throw new NoInstanceAvailableException(serviceName, NoInstanceReason.AllCircuitsOpen);
        if (!entry.TryPick(strategy, candidates, out var pick))
        {
            throw new NoInstanceAvailableException(serviceName, NoInstanceReason.NoneSelectable);
        }

        Interlocked.Increment(ref _openLeases);
        return new InstanceLease(pick.Instance, zoneFallback, () =>
        {
            if (pick.LeaseId != 0)
            {
                entry.Release(pick.LeaseId);
            }

            Interlocked.Decrement(ref _openLeases);
            return default;
        });
    }

    /// <summary>
    /// The instances to pick from: the selectable ones whose breaker is closed, without the avoided
    /// ones unless nothing else is left; null when every breaker is open. The selectable array
    /// itself is returned when nothing is excluded, so strategies keep their state cheaply.
    /// </summary>
    private ServiceInstance[]? Candidates(ServiceInstance[] selectable, IReadOnlyCollection<string> avoid)
    {
        var excluded = 0;
        foreach (var instance in selectable)
        {
            if (_breakers.IsOpen(instance) || avoid.Contains(instance.Id))
            {
                excluded++;
            }
        }

        if (excluded == 0)
        {
            return selectable;
        }

        var fresh = selectable.Where(instance => !_breakers.IsOpen(instance) && !avoid.Contains(instance.Id)).ToArray();
        if (fresh.Length > 0)
        {
            return fresh;
        }

        var closed = selectable.Where(instance => !_breakers.IsOpen(instance)).ToArray();
        return closed.Length > 0 ? closed : null;
    }

    private async ValueTask<InstanceLease> AcquireThroughBalancerAsync(
        string serviceName, LoadBalancingStrategy strategy, IReadOnlyCollection<string> avoid, InstanceFilter filter, string? near, CancellationToken cancellationToken)
    {
        // Keeps the service cached, so local selection can stand in while the balancer is unreachable.
        _cache.Warm(serviceName);
        BalancerSelection? fallback = null;
        for (var i = 0; i < BalancerPicksPerAttempt; i++)
        {
            BalancerSelection? selection;
            try
            {
                selection = await SelectAsync(serviceName, strategy, filter, near, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not RegistryValidationException && !cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(fallback).ConfigureAwait(false);
                LogBalancerUnreachable(_logger, exception, serviceName);
                return await AcquireLocallyAsync(serviceName, strategy, avoid, filter, near, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await ReleaseAsync(fallback).ConfigureAwait(false);
                throw;
            }

            if (selection is null)
            {
                await ReleaseAsync(fallback).ConfigureAwait(false);
                throw new NoInstanceAvailableException(serviceName, NoInstanceReason.NoneSelectable);
            }

            if (_breakers.IsOpen(selection.Instance))
            {
                await ReleaseAsync(selection).ConfigureAwait(false);
                continue;
            }

            if (!avoid.Contains(selection.Instance.Id))
            {
                await ReleaseAsync(fallback).ConfigureAwait(false);
                return BalancerLease(selection);
            }

            // Tried already in this call: keep it in case the balancer offers nothing better.
            if (fallback is null)
            {
                fallback = selection;
            }
            else
            {
                await ReleaseAsync(selection).ConfigureAwait(false);
            }
        }

        if (fallback is not null)
        {
            return BalancerLease(fallback);
        }

        throw new NoInstanceAvailableException(serviceName, NoInstanceReason.AllCircuitsOpen);
    }

    /// <summary>
    /// Asks the balancer, bounded by the registry timeout. Grain calls cannot be cancelled, so when
    /// the caller gives up (or the call times out) a selection that still arrives has its lease
    /// returned instead of leaking it.
    /// </summary>
    private async Task<BalancerSelection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near, CancellationToken cancellationToken)
    {
        var call = _transport.SelectAsync(serviceName, strategy, filter, near, CancellationToken.None);
        try
        {
            return await call.WaitAsync(_options.RegistryTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
            Interlocked.Increment(ref _abandonedSelections);
            _ = ReleaseWhenArrivedAsync(call);
            throw;
        }
    }

    private async Task ReleaseWhenArrivedAsync(Task<BalancerSelection?> abandoned)
    {
        try
        {
            await ReleaseAsync(await abandoned.ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The selection itself failed: there is no lease to return.
        }
        finally
        {
            Interlocked.Decrement(ref _abandonedSelections);
        }
    }

    private InstanceLease BalancerLease(BalancerSelection selection)
    {
        Interlocked.Increment(ref _openLeases);
        return new InstanceLease(selection.Instance, selection.ZoneFallback, async () =>
        {
            try
            {
                await ReleaseAsync(selection).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _openLeases);
            }
        });
    }

    /// <summary>Returns a balancer lease; a release that fails is logged (the lease expires on the silo).</summary>
    private async Task ReleaseAsync(BalancerSelection? selection)
    {
        if (selection?.Release is not { } release)
        {
            return;
        }

        try
        {
            await release().WaitAsync(_options.RegistryTimeout, _timeProvider).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogReleaseFailed(_logger, exception, selection.Instance.ServiceName, selection.Instance.Id);
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "The balancer could not be reached for {ServiceName}; picking from the local cache")]
    private static partial void LogBalancerUnreachable(ILogger logger, Exception exception, string serviceName);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Could not return the lease on {ServiceName}/{InstanceId}; it expires on the silo")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string serviceName, string instanceId);
}
