using Microsoft.Extensions.Logging;
using OrleansRegistry.Contracts;
using Polly;
using Polly.Retry;

namespace OrleansRegistry.Client.Transport.Http;

/// <summary>
/// Sends requests to the registry's HTTP API at one of its addresses: to the current one, and on to
/// each other one once while an address cannot be reached (no connection, or no answer in time;
/// Polly retry), so later requests start from the one that answered. Every request carries the
/// API key when there is one. The client library's transport and the CLI send through it.
/// </summary>
internal sealed partial class RegistryHttpSender
{
    private readonly HttpClient _http;
    private readonly RegistryAddresses _addresses;
    private readonly string? _apiKey;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _failover;

    public RegistryHttpSender(HttpClient http, IEnumerable<string> urls, string? apiKey, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _addresses = new RegistryAddresses(urls);
        _apiKey = apiKey;
        _logger = logger;
        _failover = _addresses.Count == 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = timeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    // One try on each other address; no pause, the next address is another server.
                    MaxRetryAttempts = _addresses.Count - 1,
                    Delay = TimeSpan.Zero,
                    BackoffType = DelayBackoffType.Constant,
                    UseJitter = false,
                    ShouldHandle = new PredicateBuilder().Handle<RegistryUnreachableException>(),
                })
                .Build();
    }

    /// <summary>The address requests go to now.</summary>
    public Uri CurrentUrl => _addresses.Current.Url;

    /// <summary>
    /// Sends to the current address, and on to the others when it cannot be reached (no connection,
    /// or no answer within <paramref name="timeout"/>). An answer of any status is returned.
    /// </summary>
    /// <exception cref="RegistryUnreachableException">No address answered; names the last one tried.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Func<HttpContent>? body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        return await _failover.ExecuteAsync(
            async token =>
            {
                var (url, position) = _addresses.Current;
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                attempt.CancelAfter(timeout);
                using var request = new HttpRequestMessage(method, new Uri(url, path)) { Content = body?.Invoke() };
                if (_apiKey is { } key)
                {
                    request.Headers.TryAddWithoutValidation(RegistryHeaders.ApiKey, key);
                }

                try
                {
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !token.IsCancellationRequested))
                {
                    if (_addresses.MoveOnFrom(position) && _addresses.Count > 1)
                    {
                        LogMovedOn(_logger, url, _addresses.Current.Url);
                    }

                    throw new RegistryUnreachableException(url, exception);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 7602, Level = LogLevel.Warning, Message = "The registry at {Failed} did not answer; moving on to {Next}")]
    private static partial void LogMovedOn(ILogger logger, Uri failed, Uri next);
}
