using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Model;
using Polly;
using Polly.Retry;

namespace OrleansRegistry.Client.Calls;

/// <summary>
/// The client of the fleet's services. The Polly pipeline is a total timeout around a retry with
/// jittered exponential back-off; every attempt picks again (avoiding instances this call already
/// tried) and runs through the circuit breaker and attempt timeout of the instance it picked.
/// </summary>
public sealed partial class ServiceClient : IServiceClient
{
    /// <summary>The named <c>HttpClient</c> calls go through; configure it to add handlers (authentication, ...).</summary>
    public const string HttpClientName = "OrleansRegistry.Client";

    private static readonly ResiliencePropertyKey<CallState> CallStateKey = new("OrleansRegistry.Client.CallState");

    private readonly InstanceSelector _selector;
    private readonly InstanceCircuitBreakers _breakers;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly RegistryClientOptions _options;
    private readonly ILogger<ServiceClient> _logger;
    private readonly ResiliencePipeline<ServiceResponse> _pipeline;

    public ServiceClient(
        InstanceSelector selector,
        InstanceCircuitBreakers breakers,
        IHttpClientFactory httpClientFactory,
        IOptions<RegistryClientOptions> options,
        TimeProvider timeProvider,
        ILogger<ServiceClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _selector = selector;
        _breakers = breakers;
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger;
        _pipeline = BuildPipeline(_options.Resilience, timeProvider);
    }

    public async Task<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidatePath(request.Path);
        var state = new CallState(this, request, request.Strategy ?? _options.Strategy, request.Selection ?? _options.Selection);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallStateKey, state);
        try
        {
            return await _pipeline.ExecuteAsync(static (context, state) => state.Client.AttemptAsync(context, state), context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public async Task<JsonElement?> CallAsync(string serviceName, string method, string path, JsonElement? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var request = new ServiceRequest(serviceName, new HttpMethod(method.Trim().ToUpperInvariant()), path)
        {
            Body = body is { } json ? Serialize(json) : null,
        };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response, request);
        return response.ReadJson();
    }

    public async Task<TResponse?> CallAsync<TResponse>(string serviceName, HttpMethod method, string path, CancellationToken cancellationToken = default)
    {
        var request = new ServiceRequest(serviceName, method, path);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response, request);
        return Deserialize<TResponse>(response);
    }

    public async Task<TResponse?> CallAsync<TRequest, TResponse>(string serviceName, HttpMethod method, string path, TRequest body, CancellationToken cancellationToken = default)
    {
        var request = new ServiceRequest(serviceName, method, path)
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(body, _options.JsonSerializerOptions),
        };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response, request);
        return Deserialize<TResponse>(response);
    }

    private ResiliencePipeline<ServiceResponse> BuildPipeline(ServiceCallResilienceOptions resilience, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<ServiceResponse> { TimeProvider = timeProvider }
            .AddTimeout(resilience.TotalTimeout);
        if (resilience.MaxRetryAttempts > 0)
        {
            var retryUnsafeMethods = resilience.RetryUnsafeMethods;
            builder.AddRetry(new RetryStrategyOptions<ServiceResponse>
            {
                MaxRetryAttempts = resilience.MaxRetryAttempts,
                Delay = resilience.RetryBaseDelay,
                MaxDelay = resilience.RetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    TransientOutcomes.ShouldRetry(args.Outcome, args.Context.Properties.GetValue(CallStateKey, null!).Request.Method, retryUnsafeMethods)),
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(CallStateKey, null!);
                    LogRetrying(
                        _logger,
                        args.Outcome.Exception,
                        state.Request.ServiceName,
                        state.LastInstance?.Id ?? "(none)",
                        args.Outcome.Exception is null ? (int)args.Outcome.Result!.StatusCode : 0,
                        args.AttemptNumber + 2,
                        args.RetryDelay);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private async ValueTask<ServiceResponse> AttemptAsync(ResilienceContext context, CallState state)
    {
        state.Attempts++;
        state.LastInstance = null;
        var lease = await _selector.AcquireAsync(
            state.Request.ServiceName, state.Strategy, state.Tried, state.Selection, state.Request.Filter, state.Request.Near, context.CancellationToken).ConfigureAwait(false);
        await using (lease.ConfigureAwait(false))
        {
            var instance = lease.Instance;
            state.LastInstance = instance;
            state.Tried.Add(instance.Id);
            var uri = InstanceAddress.UriOf(instance, _options.DefaultScheme, state.Request.Path);
            var response = await _breakers.For(InstanceAddress.AuthorityOf(instance)).ExecuteAsync(
                static (context, attempt) => attempt.Client.SendOnceAsync(attempt.Request, attempt.Uri, attempt.Instance, context.CancellationToken),
                context,
                (Client: this, state.Request, Uri: uri, Instance: instance)).ConfigureAwait(false);
            return response with { Attempt = state.Attempts };
        }
    }

    private async ValueTask<ServiceResponse> SendOnceAsync(ServiceRequest request, Uri uri, ServiceInstance instance, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, uri);
        if (request.Body is { } body)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }

        if (request.Headers is not null)
        {
            foreach (var (name, value) in request.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }
        }

        using var http = _httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(',', values);
        }

        return new ServiceResponse(response.StatusCode, content, response.Content.Headers.ContentType?.ToString(), instance)
        {
            Headers = headers,
        };
    }

    private TResponse? Deserialize<TResponse>(ServiceResponse response) =>
        response.Body.IsEmpty ? default : JsonSerializer.Deserialize<TResponse>(response.Body.Span, _options.JsonSerializerOptions);

    private static byte[] Serialize(JsonElement json)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            json.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static void EnsureSuccess(ServiceResponse response, ServiceRequest request)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ServiceCallException(response, request.Method.Method, request.Path);
        }
    }

    /// <summary>A path on the instance: never an absolute URI or a network path that would leave it.</summary>
    private static void ValidatePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' must be a path on the instance starting with a single '/'", nameof(path));
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Call to {ServiceName} failed on instance {InstanceId} (status {StatusCode}); attempt {NextAttempt} in {Delay} on another instance")]
    private static partial void LogRetrying(ILogger logger, Exception? exception, string serviceName, string instanceId, int statusCode, int nextAttempt, TimeSpan delay);

    /// <summary>What the attempts of one call share.</summary>
    private sealed class CallState(ServiceClient client, ServiceRequest request, LoadBalancingStrategy strategy, SelectionMode selection)
    {
        public ServiceClient Client { get; } = client;

        public ServiceRequest Request { get; } = request;

        public LoadBalancingStrategy Strategy { get; } = strategy;

        public SelectionMode Selection { get; } = selection;

        public HashSet<string> Tried { get; } = new(StringComparer.Ordinal);

        public int Attempts { get; set; }

        public ServiceInstance? LastInstance { get; set; }
    }
}
