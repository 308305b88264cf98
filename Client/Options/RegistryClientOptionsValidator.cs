using Microsoft.Extensions.Options;
using OrleansRegistry.Grains;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Client.Options;

/// <summary>Refuses settings the client cannot run with, naming the configuration key.</summary>
public sealed class RegistryClientOptionsValidator : IValidateOptions<RegistryClientOptions>
{
    // Polly refuses shorter timeouts, sampling windows and break durations when the pipeline is built.
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinimumBreakerWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaximumPollyDuration = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, RegistryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = RegistryClientOptions.SectionName;

        if (!Enum.IsDefined(options.Strategy))
        {
            failures.Add($"{Section}:Strategy must be RoundRobin, Random, LeastConnections or WeightedRoundRobin.");
        }

        if (!Enum.IsDefined(options.Selection))
        {
            failures.Add($"{Section}:Selection must be Local or Balancer.");
        }

        Positive(failures, $"{Section}:CacheTtl", options.CacheTtl);
        Positive(failures, $"{Section}:RegistryTimeout", options.RegistryTimeout);
        Positive(failures, $"{Section}:OutageRetryInterval", options.OutageRetryInterval);
        Positive(failures, $"{Section}:IdleServiceExpiry", options.IdleServiceExpiry);
        Positive(failures, $"{Section}:LeaseDuration", options.LeaseDuration);
        if (options.SubscriptionRenewal <= TimeSpan.Zero || options.SubscriptionRenewal >= ServiceObserverLimits.SubscriptionExpiry)
        {
            failures.Add($"{Section}:SubscriptionRenewal must be positive and shorter than the registry's subscription expiry ({ServiceObserverLimits.SubscriptionExpiry}).");
        }

        if (!RegistryValidator.IsValidName(options.Namespace))
        {
            failures.Add($"{Section}:Namespace must match [A-Za-z0-9][A-Za-z0-9._-]{{0,127}}.");
        }

        foreach (var url in options.RegistryUrls())
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                failures.Add($"{Section}:Url and :Urls must be absolute http or https URLs without query or fragment (got '{url}').");
            }
        }

        if (options.ApiKey is { } key && (key.Length == 0 || key.Any(char.IsControl)))
        {
            failures.Add($"{Section}:ApiKey must not be empty or contain control characters.");
        }

        if (options.BlockingQueryWait < TimeSpan.FromSeconds(1) || options.BlockingQueryWait > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:BlockingQueryWait must be between 1 second and 5 minutes (the registry's longest wait).");
        }

        if (options.DefaultScheme is not ("http" or "https"))
        {
            failures.Add($"{Section}:DefaultScheme must be http or https.");
        }

        if (options.MaxResponseContentBytes is <= 0 or > int.MaxValue)
        {
            failures.Add($"{Section}:MaxResponseContentBytes must be between 1 and {int.MaxValue}.");
        }

        if (options.JsonSerializerOptions is null)
        {
            failures.Add($"{Section}:JsonSerializerOptions must not be null.");
        }

        if (options.Resilience is null)
        {
            failures.Add($"{Section}:Resilience must not be null.");
        }
        else
        {
            ValidateResilience(failures, $"{Section}:Resilience", options.Resilience);
            if (options.LeaseDuration <= options.Resilience.AttemptTimeout)
            {
                failures.Add($"{Section}:LeaseDuration must be longer than {Section}:Resilience:AttemptTimeout, or leases of slow calls expire while they run.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateResilience(List<string> failures, string section, ServiceCallResilienceOptions resilience)
    {
        Within(failures, $"{section}:TotalTimeout", resilience.TotalTimeout, MinimumTimeout);
        Within(failures, $"{section}:AttemptTimeout", resilience.AttemptTimeout, MinimumTimeout);
        if (resilience.AttemptTimeout > resilience.TotalTimeout)
        {
            failures.Add($"{section}:AttemptTimeout must not be longer than {section}:TotalTimeout.");
        }

        if (resilience.MaxRetryAttempts < 0)
        {
            failures.Add($"{section}:MaxRetryAttempts must be 0 or more.");
        }

        if (resilience.RetryBaseDelay < TimeSpan.Zero || resilience.RetryBaseDelay > MaximumPollyDuration)
        {
            failures.Add($"{section}:RetryBaseDelay must be between 0 and one day.");
        }

        if (resilience.RetryMaxDelay < resilience.RetryBaseDelay || resilience.RetryMaxDelay > MaximumPollyDuration)
        {
            failures.Add($"{section}:RetryMaxDelay must be at least {section}:RetryBaseDelay and at most one day.");
        }

        if (resilience.BreakerFailureRatio is <= 0 or > 1 || double.IsNaN(resilience.BreakerFailureRatio))
        {
            failures.Add($"{section}:BreakerFailureRatio must be above 0 and at most 1.");
        }

        if (resilience.BreakerMinimumThroughput < 2)
        {
            failures.Add($"{section}:BreakerMinimumThroughput must be at least 2.");
        }

        Within(failures, $"{section}:BreakerSamplingDuration", resilience.BreakerSamplingDuration, MinimumBreakerWindow);
        Within(failures, $"{section}:BreakerBreakDuration", resilience.BreakerBreakDuration, MinimumBreakerWindow);
        if (resilience.BreakerIdleExpiry < resilience.BreakerSamplingDuration || resilience.BreakerIdleExpiry < resilience.BreakerBreakDuration
            || resilience.BreakerIdleExpiry > MaximumPollyDuration)
        {
            failures.Add($"{section}:BreakerIdleExpiry must be at least {section}:BreakerSamplingDuration and {section}:BreakerBreakDuration, and at most one day.");
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive.");
        }
    }

    private static void Within(List<string> failures, string key, TimeSpan value, TimeSpan minimum)
    {
        if (value < minimum || value > MaximumPollyDuration)
        {
            failures.Add($"{key} must be between {minimum.TotalMilliseconds:0} ms and one day.");
        }
    }
}
