using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Endpoints;

/// <summary>
/// The selectable instances of one service as service-discovery endpoints, with a change token
/// that fires on the next pushed change, so resolution follows the registry without polling.
/// A query's endpoint name (<c>_eu</c> in <c>http://_eu.user-service</c>) keeps only the instances
/// tagged with it.
/// </summary>
internal sealed partial class RegistryServiceEndpointProvider(string serviceName, InstanceFilter filter, RegistryServiceCache cache, ILogger<RegistryServiceEndpointProvider> logger) : IServiceEndpointProvider
{
    private IDisposable? _watch;

    public async ValueTask PopulateAsync(IServiceEndpointBuilder endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Service discovery re-reads only when the change token fires, so the cache never sees this
        // service used; watching it keeps it cached and subscribed while this provider lives.
        _watch ??= cache.Watch(serviceName, static _ => { });
        var entry = await cache.GetEntryAsync(serviceName, cancellationToken).ConfigureAwait(false);

        // The token is taken before the snapshot is read: a change in between fires it.
        endpoints.AddChangeToken(entry.ChangeToken);
        var snapshot = entry.Snapshot!;
        var selectable = filter.IsEmpty || entry.Candidates is not { } lists ? entry.Selectable : lists.For(filter, near: null).Instances;
        if (selectable.Length == 0)
        {
            if (snapshot.Index == 0 && snapshot.Instances.Count == 0)
            {
                // Never registered: not ours. The next provider (pass-through, DNS) may know it.
                LogUnknownService(logger, serviceName);
                return;
            }

            throw new NoInstanceAvailableException(serviceName, NoInstanceReason.NoneSelectable);
        }

        foreach (var instance in selectable)
        {
            var endpoint = Microsoft.Extensions.ServiceDiscovery.ServiceEndpoint.Create(EndPointOf(instance));
            endpoint.Features.Set<IRegistryInstanceFeature>(new RegistryInstanceFeatureValue(instance));
            endpoint.Features.Set<IServiceEndpointProvider>(this);
            endpoints.Endpoints.Add(endpoint);
        }

        LogResolved(logger, serviceName, selectable.Length, snapshot.Index);
    }

    public ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _watch, null)?.Dispose();
        return default;
    }

    public override string ToString() => "OrleansRegistry";

    private static EndPoint EndPointOf(ServiceInstance instance)
    {
        // An instance that names its scheme gets it: a URI endpoint overrides the request's scheme.
        if (instance.Metadata.ContainsKey(InstanceAddress.SchemeKey))
        {
            return new UriEndPoint(InstanceAddress.UriOf(instance, Uri.UriSchemeHttp, "/"));
        }

        return IPAddress.TryParse(instance.Host, out var address)
            ? new IPEndPoint(address, instance.Port)
            : new DnsEndPoint(instance.Host, instance.Port);
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Debug, Message = "Resolved {ServiceName} through the registry: {Count} endpoints at change index {Index}")]
    private static partial void LogResolved(ILogger logger, string serviceName, int count, long index);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Debug, Message = "The registry has never seen {ServiceName}; leaving it to the next provider")]
    private static partial void LogUnknownService(ILogger logger, string serviceName);
}
