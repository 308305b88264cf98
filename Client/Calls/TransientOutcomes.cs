using System.Net;
using OrleansRegistry.Client.Picking;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OrleansRegistry.Client.Calls;

/// <summary>Which outcomes of an attempt count against an instance, and which are worth another attempt elsewhere.</summary>
internal static class TransientOutcomes
{
    /// <summary>A failure of the instance: a 5xx, 408 or 429, a transport error, or the attempt timing out.</summary>
    public static bool IsFailure(Outcome<ServiceResponse> outcome) => outcome.Exception switch
    {
        null => IsTransientStatus(outcome.Result!.StatusCode),
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>
    /// Worth another attempt on another instance. Requests that never reached an instance are always
    /// retried; ones that may have had an effect only when the method is idempotent (or unsafe
    /// retries are allowed).
    /// </summary>
    public static bool ShouldRetry(Outcome<ServiceResponse> outcome, HttpMethod method, bool retryUnsafeMethods) => outcome.Exception switch
    {
        null => IsTransientStatus(outcome.Result!.StatusCode) && (retryUnsafeMethods || IsIdempotent(method)),
        HttpRequestException exception when NeverSent(exception) => true,
        HttpRequestException or TimeoutRejectedException => retryUnsafeMethods || IsIdempotent(method),
        BrokenCircuitException => true,
        NoInstanceAvailableException { Reason: NoInstanceReason.AllCircuitsOpen } => true,
        _ => false,
    };

    public static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}
