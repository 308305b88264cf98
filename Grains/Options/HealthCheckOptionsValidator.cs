using Microsoft.Extensions.Options;
using OrleansRegistry.Health;

namespace OrleansRegistry.Options;

public sealed class HealthCheckOptionsValidator : IValidateOptions<HealthCheckOptions>
{
    /// <summary>Eviction faster than this would remove instances that merely restarted.</summary>
    public static readonly TimeSpan MinimumDeregisterAfter = Validation.RegistryLimits.MinDeregisterAfter;

    public ValidateOptionsResult Validate(string? name, HealthCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = HealthCheckOptions.SectionName;
        var failures = new List<string>();
        CheckRange(failures, $"{section}:Interval", options.Interval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        CheckRange(failures, $"{section}:Timeout", options.Timeout, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(5));
        if (options.Timeout > options.Interval)
        {
            // Rounds of one service never overlap, so a longer timeout would stretch the interval
            // and break the detection bound (Interval × FailuresBeforeUnhealthy + Timeout).
            failures.Add($"Configuration key '{section}:Timeout' ({options.Timeout}) must not exceed '{section}:Interval' ({options.Interval}).");
        }

        CheckRange(failures, $"{section}:FailuresBeforeUnhealthy", options.FailuresBeforeUnhealthy, 1, 100);
        CheckRange(failures, $"{section}:SuccessesBeforeHealthy", options.SuccessesBeforeHealthy, 1, 100);
        CheckRange(failures, $"{section}:DeregisterAfter", options.DeregisterAfter, MinimumDeregisterAfter, Validation.RegistryLimits.MaxDeregisterAfter);
        CheckRange(failures, $"{section}:MaxConcurrentProbes", options.MaxConcurrentProbes, 1, 1024);
        foreach (var host in options.AllowedHosts ?? [])
        {
            if (!HealthUrlPolicy.IsValidAllowedHost(host))
            {
                failures.Add($"Configuration key '{section}:AllowedHosts' has entry '{host}'; expected '*', a host name, '*.' followed by a domain, or an IP address.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange<T>(List<string> failures, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"Configuration key '{key}' is {value}; expected {min} to {max}.");
        }
    }
}
