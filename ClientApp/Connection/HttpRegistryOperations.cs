using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansRegistry.Client.Transport.Http;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>
/// The commands' operations over the registry's HTTP API (the wire documents of Contracts), in
/// namespace <paramref name="ns"/>: the unprefixed routes for <c>default</c>, <c>/namespaces/{ns}/...</c>
/// otherwise. Every request carries <paramref name="apiKey"/> when given. When one URL cannot be
/// reached the next is tried, and later requests start from the one that answered (the client
/// library's <see cref="RegistryHttpSender"/>).
/// </summary>
internal sealed class HttpRegistryOperations(HttpClient http, IReadOnlyList<Uri> urls, string? apiKey, string ns) : IRegistryOperations
{
    private readonly string _prefix = ns == Grains.ServiceKey.DefaultNamespace ? string.Empty : $"namespaces/{Uri.EscapeDataString(ns)}/";
    private readonly RegistryHttpSender _sender = new(http, urls.Select(url => url.ToString()), apiKey, TimeProvider.System, NullLogger.Instance);

    public async Task<IReadOnlyList<ServiceSummary>> GetServicesAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, _prefix + "services", null, cancellationToken);
        var documents = await ReadAsync(response, RegistryJsonContext.Default.ListServiceSummaryDocument, cancellationToken);
        return documents.ConvertAll(document => new ServiceSummary(document.Name, document.Instances, document.Healthy));
    }

    public async Task<IReadOnlyList<ServiceInstance>> GetInstancesAsync(string serviceName, bool healthyOnly, InstanceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        string[] healthy = healthyOnly ? ["healthy=true"] : [];
        using var response = await SendAsync(HttpMethod.Get, ServicePath(serviceName) + Query([.. healthy, .. FilterQueryParameters.Of(filter)]), null, cancellationToken);
        var documents = await ReadAsync(response, RegistryJsonContext.Default.ListServiceInstanceDocument, cancellationToken);
        return documents.ConvertAll(document => document.FromAnswer(serviceName));
    }

    public async Task<ServiceInstance> RegisterAsync(ServiceInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var document = instance.ToDocument();
        using var response = await SendAsync(
            HttpMethod.Put,
            InstancePath(instance.ServiceName, instance.Id),
            () => JsonContent.Create(document, RegistryJsonContext.Default.ServiceInstanceDocument),
            cancellationToken);
        return (await ReadAsync(response, RegistryJsonContext.Default.ServiceInstanceDocument, cancellationToken)).FromAnswer(instance.ServiceName);
    }

    public async Task<bool> DeregisterAsync(string serviceName, string instanceId, CancellationToken cancellationToken)
    {
        // DELETE is idempotent (204 either way); asking first keeps the CLI's exit code 1 for an
        // instance that was not registered, as the grain call reports it.
        using (var found = await SendAsync(HttpMethod.Get, InstancePath(serviceName, instanceId), null, cancellationToken))
        {
            if (!await SucceededAsync(found, cancellationToken))
            {
                return false;
            }
        }

        using var response = await SendAsync(HttpMethod.Delete, InstancePath(serviceName, instanceId), null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    public async Task<bool> HeartbeatAsync(string serviceName, string instanceId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, InstancePath(serviceName, instanceId) + "/heartbeat", null, cancellationToken);
        return await SucceededAsync(response, cancellationToken);
    }

    public async Task<bool> SetMaintenanceAsync(string serviceName, string instanceId, string? reason, CancellationToken cancellationToken)
    {
        var path = InstancePath(serviceName, instanceId) + "/maintenance";
        using var response = reason is null
            ? await SendAsync(HttpMethod.Delete, path, null, cancellationToken)
            : await SendAsync(HttpMethod.Put, path, () => JsonContent.Create(new MaintenanceDocument { Reason = reason }, RegistryJsonContext.Default.MaintenanceDocument), cancellationToken);
        return await SucceededAsync(response, cancellationToken);
    }

    public async Task PutDefinitionAsync(ServiceDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var document = definition.ToDocument();
        using var response = await SendAsync(
            HttpMethod.Put,
            ServicePath(definition.Name) + "/definition",
            () => JsonContent.Create(document, RegistryJsonContext.Default.ServiceDefinitionDocument),
            cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<ServiceDefinition?> GetDefinitionAsync(string serviceName, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, ServicePath(serviceName) + "/definition", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return (await ReadAsync(response, RegistryJsonContext.Default.ServiceDefinitionDocument, cancellationToken)).ToDefinition(serviceName);
    }

    public async Task<RegistryPick?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        string[] zone = near is null ? [] : [FilterQueryParameters.OfZone(near)];
        var query = Query(["strategy=" + strategy.ToWireName(), .. FilterQueryParameters.Of(filter), .. zone]);
        using var response = await SendAsync(HttpMethod.Get, ServicePath(serviceName) + "/select" + query, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            // 503 is also the registry's answer when its cluster fails; only this title means "none eligible".
            var problem = await RegistryProblem.ReadAsync(response, cancellationToken);
            return problem.Title == ProblemTitles.NoHealthyInstance ? null : throw RegistryRefusal.ToException(response, problem);
        }

        var instance = (await ReadAsync(response, RegistryJsonContext.Default.ServiceInstanceDocument, cancellationToken)).FromAnswer(serviceName);
        var zoneFallback = response.Headers.TryGetValues(RegistryHeaders.ZoneFallback, out var fallback) && fallback.Contains("true", StringComparer.OrdinalIgnoreCase);
        var lease = response.Headers.TryGetValues(RegistryHeaders.Lease, out var leases) && leases.FirstOrDefault() is { Length: > 0 } token
            ? new RegistryLease(token, releasing => ReleaseAsync(serviceName, token, releasing))
            : null;
        return new RegistryPick(instance, zoneFallback, lease);
    }

    private async Task ReleaseAsync(string serviceName, string lease, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, ServicePath(serviceName) + "/leases/" + Uri.EscapeDataString(lease) + "/release", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Sends through the client library's sender (failover across the URLs); an answer of any status is returned.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Func<HttpContent>? body, CancellationToken cancellationToken)
    {
        try
        {
            return await _sender.SendAsync(method, path, body, ClientSettings.ResponseTimeout, cancellationToken);
        }
        catch (Client.Transport.Http.RegistryUnreachableException exception)
        {
            var reason = exception.InnerException is OperationCanceledException
                ? $"no answer within {ClientSettings.ResponseTimeout.TotalSeconds:0} s"
                : exception.InnerException?.Message;
            throw new RegistryUnreachableException($"cannot reach the registry at {string.Join(", ", urls)}: {reason}", exception);
        }
    }

    /// <summary>True on success, false on 404 (the instance is not registered); any other answer throws.</summary>
    private static async Task<bool> SucceededAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new FormatException($"the registry answered {response.RequestMessage?.RequestUri} with an empty document");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw RegistryRefusal.ToException(response, await RegistryProblem.ReadAsync(response, cancellationToken));
        }
    }

    private static string Query(string[] parameters) => parameters.Length == 0 ? string.Empty : "?" + string.Join('&', parameters);

    private string ServicePath(string serviceName) => $"{_prefix}services/{Uri.EscapeDataString(serviceName)}";

    private string InstancePath(string serviceName, string instanceId) => $"{ServicePath(serviceName)}/instances/{Uri.EscapeDataString(instanceId)}";
}
