using System.Text.Json;

namespace OrleansRegistry.Client.Calls;

/// <summary>
/// Calls a service by name: discover (pushed cache), pick (strategy, skipping open breakers),
/// lease, HTTP call through <c>IHttpClientFactory</c>, release the lease on every path. Failed
/// attempts are retried on other instances under a total timeout.
/// </summary>
public interface IServiceClient
{
    /// <summary>
    /// Sends the request and returns the buffered response of the last attempt, whatever its status.
    /// </summary>
    /// <exception cref="Picking.NoInstanceAvailableException">No healthy instance (or all breakers open).</exception>
    /// <exception cref="Discovery.RegistryUnavailableException">The registry is unreachable and the service was never cached.</exception>
    /// <exception cref="HttpRequestException">The last attempt failed in transport.</exception>
    /// <exception cref="Polly.Timeout.TimeoutRejectedException">The total timeout (or the last attempt's timeout) ran out.</exception>
    Task<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The seed's <c>call_service</c>: sends <paramref name="body"/> as JSON and returns the JSON
    /// result (null for an empty body).
    /// </summary>
    /// <exception cref="ServiceCallException">The instance answered with a status outside 2xx.</exception>
    Task<JsonElement?> CallAsync(string serviceName, string method, string path, JsonElement? body = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a request without a body and deserializes the JSON result.</summary>
    /// <exception cref="ServiceCallException">The instance answered with a status outside 2xx.</exception>
    Task<TResponse?> CallAsync<TResponse>(string serviceName, HttpMethod method, string path, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="body"/> as JSON and deserializes the JSON result.</summary>
    /// <exception cref="ServiceCallException">The instance answered with a status outside 2xx.</exception>
    Task<TResponse?> CallAsync<TRequest, TResponse>(string serviceName, HttpMethod method, string path, TRequest body, CancellationToken cancellationToken = default);
}
