using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Transport.Http;

/// <summary>
/// Reaches the registry over its HTTP API (<see cref="RegistryClientOptions.Url"/> and
/// <see cref="RegistryClientOptions.Urls"/>): a subscription is a loop of blocking queries
/// (<c>?index=&amp;wait=</c>) whose every answer is reported, so the cache stays confirmed while the
/// service does not change. A call that cannot reach one address is tried once on each other
/// address, and later calls stay on the one that answered (<see cref="RegistryHttpSender"/>). Every request carries
/// <see cref="RegistryClientOptions.ApiKey"/> and addresses <see cref="RegistryClientOptions.Namespace"/>.
/// </summary>
public sealed partial class HttpRegistryTransport : IRegistryTransport, IAsyncDisposable, IDisposable
{
    /// <summary>The named <c>HttpClient</c> the transport uses (configure its handler for TLS or proxies).</summary>
    public const string HttpClientName = "OrleansRegistry.Registry";

    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly RegistryHttpSender _sender;
    private readonly RegistryClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HttpRegistryTransport> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _namespacePath;
    private bool _disposed;

    public HttpRegistryTransport(IHttpClientFactory httpClients, IOptions<RegistryClientOptions> options, TimeProvider timeProvider, ILogger<HttpRegistryTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _sender = new RegistryHttpSender(httpClients.CreateClient(HttpClientName), _options.RegistryUrls(), _options.ApiKey, timeProvider, logger);
        _timeProvider = timeProvider;
        _logger = logger;
        _namespacePath = $"namespaces/{Uri.EscapeDataString(_options.Namespace)}/services/";
    }

    /// <inheritdoc />
    public event Action<ServiceSnapshot>? SnapshotReceived;

    /// <summary>
    /// Raised when a blocking query finds the registry again after failing, or finds its index went
    /// back: what the registry holds may have changed without a change being answered.
    /// </summary>
    public event Action? ConnectionChanged;

    /// <summary>The address calls go to now.</summary>
    public Uri CurrentUrl => _sender.CurrentUrl;

    public async Task<ServiceSnapshot> SubscribeAsync(string serviceName, CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(serviceName, index: null, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_subscriptions.ContainsKey(serviceName))
            {
                var subscription = new Subscription(serviceName, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token));
                _subscriptions[serviceName] = subscription;
                subscription.Loop = Task.Run(() => FollowAsync(subscription, snapshot.Index), CancellationToken.None);
            }
        }

        return snapshot;
    }

    public async Task UnsubscribeAsync(string serviceName, CancellationToken cancellationToken)
    {
        if (_subscriptions.TryRemove(serviceName, out var subscription))
        {
            await subscription.StopAsync().ConfigureAwait(false);
        }
    }

    public async Task RegisterAsync(ServiceInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var document = instance.ToDocument();
        using var response = await SendAsync(HttpMethod.Put, InstancePath(instance.ServiceName, instance.Id), () => JsonContent.Create(document, RegistryJsonContext.Default.ServiceInstanceDocument), _options.RegistryTimeout, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> HeartbeatAsync(string serviceName, string instanceId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, InstancePath(serviceName, instanceId) + "/heartbeat", null, _options.RegistryTimeout, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task DeregisterAsync(string serviceName, string instanceId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, InstancePath(serviceName, instanceId), null, _options.RegistryTimeout, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SetMaintenanceAsync(string serviceName, string instanceId, string? reason, CancellationToken cancellationToken)
    {
        var path = InstancePath(serviceName, instanceId) + "/maintenance";
        using var response = reason is null
            ? await SendAsync(HttpMethod.Delete, path, null, _options.RegistryTimeout, cancellationToken).ConfigureAwait(false)
            : await SendAsync(HttpMethod.Put, path, () => JsonContent.Create(new MaintenanceDocument { Reason = reason }, RegistryJsonContext.Default.MaintenanceDocument), _options.RegistryTimeout, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<BalancerSelection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new StringBuilder("?strategy=").Append(strategy.ToWireName());
        foreach (var parameter in FilterQueryParameters.Of(filter))
        {
            query.Append('&').Append(parameter);
        }

        if (near is not null)
        {
            query.Append('&').Append(FilterQueryParameters.OfZone(near));
        }

        using var response = await SendAsync(HttpMethod.Get, ServicePath(serviceName) + "/select" + query, null, _options.RegistryTimeout, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            // 503 is also the answer of a registry whose cluster fails; only this title means "none eligible".
            var problem = await RegistryProblem.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            return problem.Title == ProblemTitles.NoHealthyInstance ? null : throw problem.ToException(response);
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var document = await response.Content.ReadFromJsonAsync(RegistryJsonContext.Default.ServiceInstanceDocument, cancellationToken).ConfigureAwait(false)
            ?? throw new FormatException("The registry answered a pick without an instance.");
        var instance = document.FromAnswer(serviceName);
        var zoneFallback = response.Headers.TryGetValues(RegistryHeaders.ZoneFallback, out var fallback) && fallback.Contains("true", StringComparer.OrdinalIgnoreCase);
        Func<Task>? release = response.Headers.TryGetValues(RegistryHeaders.Lease, out var leases) && leases.FirstOrDefault() is { Length: > 0 } lease
            ? () => ReleaseAsync(serviceName, lease)
            : null;
        return new BalancerSelection(instance, zoneFallback, release);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_subscriptions.Values.Select(subscription => subscription.StopAsync())).ConfigureAwait(false);
        _subscriptions.Clear();
        _stopping.Dispose();
    }

    /// <summary>Stops every blocking-query loop without waiting for it (a container disposed synchronously); prefer <see cref="DisposeAsync"/>.</summary>
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

        _stopping.Cancel();
        _subscriptions.Clear();
    }

    private async Task ReleaseAsync(string serviceName, string lease)
    {
        using var response = await SendAsync(HttpMethod.Post, ServicePath(serviceName) + "/leases/" + Uri.EscapeDataString(lease) + "/release", null, _options.RegistryTimeout, CancellationToken.None).ConfigureAwait(false);
        await EnsureSuccessAsync(response, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Blocking queries, one after the other, each answer reported; a failure waits
    /// <see cref="RegistryClientOptions.OutageRetryInterval"/>. After a failure, or an answer whose
    /// index went back (a registry that lost its history), the next read does not wait and
    /// <see cref="ConnectionChanged"/> fires, so the cache re-reads what a restarted registry holds.
    /// </summary>
    private async Task FollowAsync(Subscription subscription, long index)
    {
        var stopping = subscription.Stopping.Token;
        var recovering = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var snapshot = await ReadAsync(subscription.ServiceName, recovering ? null : index, stopping).ConfigureAwait(false);
                var wentBack = snapshot.Index < index;
                index = snapshot.Index;
                SnapshotReceived?.Invoke(snapshot);
                if (recovering || wentBack)
                {
                    recovering = false;
                    ConnectionChanged?.Invoke();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                recovering = true;
                LogBlockingQueryFailed(_logger, exception, subscription.ServiceName, _options.OutageRetryInterval);
                try
                {
                    await Task.Delay(_options.OutageRetryInterval, _timeProvider, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The service's listing; with <paramref name="index"/>, a blocking query that answers at the next change or after the wait.</summary>
    private async Task<ServiceSnapshot> ReadAsync(string serviceName, long? index, CancellationToken cancellationToken)
    {
        var path = ServicePath(serviceName);
        var timeout = _options.RegistryTimeout;
        if (index is { } after)
        {
            var wait = _options.BlockingQueryWait;
            path += string.Create(CultureInfo.InvariantCulture, $"?index={after}&wait={(long)wait.TotalSeconds}s");

            // The registry adds up to a sixteenth of the wait as jitter.
            timeout += wait + (wait / 16);
        }

        using var response = await SendAsync(HttpMethod.Get, path, null, timeout, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        if (!response.Headers.TryGetValues(RegistryHeaders.Index, out var values)
            || !long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var answered))
        {
            throw new FormatException($"The registry's listing of '{serviceName}' carries no {RegistryHeaders.Index} header.");
        }

        var documents = await response.Content.ReadFromJsonAsync(RegistryJsonContext.Default.ListServiceInstanceDocument, cancellationToken).ConfigureAwait(false) ?? [];
        return new ServiceSnapshot(serviceName, answered, documents.ConvertAll(document => document.FromAnswer(serviceName)));
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Func<HttpContent>? body, TimeSpan timeout, CancellationToken cancellationToken) =>
        _sender.SendAsync(method, path, body, timeout, cancellationToken);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw (await RegistryProblem.ReadAsync(response, cancellationToken).ConfigureAwait(false)).ToException(response);
        }
    }

    private string ServicePath(string serviceName) => _namespacePath + Uri.EscapeDataString(serviceName);

    private string InstancePath(string serviceName, string instanceId) => ServicePath(serviceName) + "/instances/" + Uri.EscapeDataString(instanceId);

    [LoggerMessage(EventId = 7601, Level = LogLevel.Warning, Message = "A blocking query on {ServiceName} failed; asking again in {RetryInterval}")]
    private static partial void LogBlockingQueryFailed(ILogger logger, Exception exception, string serviceName, TimeSpan retryInterval);

    private sealed class Subscription(string serviceName, CancellationTokenSource stopping)
    {
        public string ServiceName { get; } = serviceName;

        public CancellationTokenSource Stopping { get; } = stopping;

        public Task Loop { get; set; } = Task.CompletedTask;

        public async Task StopAsync()
        {
            await Stopping.CancelAsync().ConfigureAwait(false);
            await Loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Stopping.Dispose();
        }
    }
}
