using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Model;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OrleansRegistry.Client.Calls;

/// <summary>
/// One Polly circuit breaker (with the attempt timeout inside it) per instance authority, and the
/// record of which breakers are open. Polly only moves an open breaker to half-open when a call
/// reaches it, so selection skips an instance while its break lasts and offers it again when the
/// break is over; the next call through it is the half-open trial.
/// </summary>
public sealed partial class InstanceCircuitBreakers
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<ServiceResponse>> _pipelines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _openUntil = new(StringComparer.Ordinal);
    private readonly ServiceCallResilienceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<InstanceCircuitBreakers> _logger;

    public InstanceCircuitBreakers(IOptions<RegistryClientOptions> options, TimeProvider timeProvider, ILogger<InstanceCircuitBreakers> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Resilience;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>True while the instance's breaker is open and its break has not run out.</summary>
    public bool IsOpen(ServiceInstance instance)
    {
        // The common case, no open breaker anywhere, costs no allocation.
        if (_openUntil.IsEmpty)
        {
            return false;
        }

        return _openUntil.TryGetValue(InstanceAddress.AuthorityOf(instance), out var until) && _timeProvider.GetTimestamp() < until;
    }

    /// <summary>Authorities whose breakers are open now.</summary>
    public IReadOnlyCollection<string> OpenAuthorities
    {
        get
        {
            var now = _timeProvider.GetTimestamp();
            return _openUntil.Where(entry => now < entry.Value).Select(entry => entry.Key).ToArray();
        }
    }

    /// <summary>The breaker-and-attempt-timeout pipeline of <paramref name="authority"/>.</summary>
    internal ResiliencePipeline<ServiceResponse> For(string authority) =>
        _pipelines.GetOrAdd(authority, Build);

    private ResiliencePipeline<ServiceResponse> Build(string authority) =>
        new ResiliencePipelineBuilder<ServiceResponse> { TimeProvider = _timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<ServiceResponse>
            {
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakerBreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(TransientOutcomes.IsFailure(args.Outcome)),
                OnOpened = args =>
                {
                    _openUntil[authority] = _timeProvider.GetTimestamp() + (long)(args.BreakDuration.TotalSeconds * _timeProvider.TimestampFrequency);
                    LogOpened(_logger, authority, args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    LogHalfOpened(_logger, authority);
                    return default;
                },
                OnClosed = _ =>
                {
                    _openUntil.TryRemove(authority, out long _);
                    LogClosed(_logger, authority);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = _options.AttemptTimeout })
            .Build();

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Circuit breaker of {Authority} opened for {BreakDuration}; the instance is skipped")]
    private static partial void LogOpened(ILogger logger, string authority, TimeSpan breakDuration);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Circuit breaker of {Authority} half-open: one trial call")]
    private static partial void LogHalfOpened(ILogger logger, string authority);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Circuit breaker of {Authority} closed")]
    private static partial void LogClosed(ILogger logger, string authority);
}
