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
/// break is over; the next call through it is the half-open trial. Breakers left idle for
/// <see cref="ServiceCallResilienceOptions.BreakerIdleExpiry"/> are dropped.
/// </summary>
public sealed partial class InstanceCircuitBreakers
{
    private readonly ConcurrentDictionary<string, Breaker> _breakers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _openUntil = new(StringComparer.Ordinal);
    private readonly ServiceCallResilienceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<InstanceCircuitBreakers> _logger;
    private readonly long _idleTicks;
    private long _nextSweep;

    public InstanceCircuitBreakers(IOptions<RegistryClientOptions> options, TimeProvider timeProvider, ILogger<InstanceCircuitBreakers> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Resilience;
        _timeProvider = timeProvider;
        _logger = logger;
        _idleTicks = (long)(_options.BreakerIdleExpiry.TotalSeconds * timeProvider.TimestampFrequency);
        _nextSweep = timeProvider.GetTimestamp() + _idleTicks;
    }

    /// <summary>Authorities that have a breaker now (used within the idle expiry, or open).</summary>
    public IReadOnlyCollection<string> Authorities => _breakers.Keys.ToArray();

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
    internal ResiliencePipeline<ServiceResponse> For(string authority)
    {
        var now = _timeProvider.GetTimestamp();
        SweepIfDue(now);
        var breaker = _breakers.GetOrAdd(authority, static (key, self) => new Breaker(self.Build(key)), this);
        Volatile.Write(ref breaker.LastUsed, now);
        return breaker.Pipeline;
    }

    /// <summary>
    /// At most once per idle expiry, drops breakers idle that long and not open. A call that took a
    /// breaker just before it was dropped still completes through it; the next call starts a fresh one.
    /// </summary>
    private void SweepIfDue(long now)
    {
        var due = Volatile.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + _idleTicks, due) != due)
        {
            return;
        }

        foreach (var (authority, breaker) in _breakers)
        {
            var open = _openUntil.TryGetValue(authority, out var until) && now < until;
            if (!open && now - Volatile.Read(ref breaker.LastUsed) >= _idleTicks)
            {
                _breakers.TryRemove(new KeyValuePair<string, Breaker>(authority, breaker));
                _openUntil.TryRemove(authority, out _);
                LogDropped(_logger, authority);
            }
        }
    }

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

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Circuit breaker of {Authority} dropped after going unused")]
    private static partial void LogDropped(ILogger logger, string authority);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Circuit breaker of {Authority} closed")]
    private static partial void LogClosed(ILogger logger, string authority);

    private sealed class Breaker(ResiliencePipeline<ServiceResponse> pipeline)
    {
        public readonly ResiliencePipeline<ServiceResponse> Pipeline = pipeline;
        public long LastUsed;
    }
}
