namespace OrleansRegistry.Client.Options;

/// <summary>
/// The Polly pipeline around a service call (section <c>Registry:Client:Resilience</c>): a total
/// timeout around retries, each retry on another instance, and a circuit breaker per instance.
/// </summary>
public sealed class ServiceCallResilienceOptions
{
    /// <summary>Limit for the whole call, every attempt and back-off included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one attempt on one instance, reading the response body included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off; it doubles with each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap on one back-off.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Also retry POST and PATCH after a 5xx, 408, 429 or a timeout (their first attempt may have had
    /// an effect). A request that never reached an instance (connection refused) is always retried.
    /// </summary>
    public bool RetryUnsafeMethods { get; set; }

    /// <summary>Share of failed calls to one instance, within the sampling window, that opens its breaker.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls to one instance within the sampling window before its breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker keeps its instance out of selection before one trial call (half-open).</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A breaker no call has used for this long, and that is not open, is dropped: instances come and go
    /// (autoscaling, redeploys), and a long-running caller must not keep a breaker for every address it
    /// ever called. At least the sampling window and the break, so nothing a breaker still knows is lost.
    /// </summary>
    public TimeSpan BreakerIdleExpiry { get; set; } = TimeSpan.FromMinutes(10);
}
