using Microsoft.Extensions.Options;
using OrleansRegistry.Health;

namespace OrleansRegistry.Options;

public sealed class HealthCheckOptionsValidator : IValidateOptions<HealthCheckOptions>
{
    /// <summary>Eviction faster than this would remove instances that merely restarted.</summary>
    public static readonly TimeSpan MinimumDeregisterAfter = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, HealthCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = HealthCheckOptions.SectionName;
        var failures = new List<string>();
        if (options.Interval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:Interval must be positive.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:Timeout must be positive.");
        }
        else if (options.Timeout > options.Interval)
        {
            // Rounds of one service never overlap, so a longer timeout would stretch the interval
            // and break the detection bound (Interval × FailuresBeforeUnhealthy + Timeout).
            failures.Add($"{section}:Timeout ({options.Timeout}) must not exceed {section}:Interval ({options.Interval}).");
        }

        if (options.FailuresBeforeUnhealthy is < 1 or > 100)
        {
            failures.Add($"{section}:FailuresBeforeUnhealthy must be from 1 to 100.");
        }

        if (options.SuccessesBeforeHealthy is < 1 or > 100)
        {
            failures.Add($"{section}:SuccessesBeforeHealthy must be from 1 to 100.");
        }

        if (options.DeregisterAfter < MinimumDeregisterAfter)
        {
            failures.Add($"{section}:DeregisterAfter must be at least {MinimumDeregisterAfter}.");
        }

        if (options.MaxConcurrentProbes is < 1 or > 1024)
        {
            failures.Add($"{section}:MaxConcurrentProbes must be from 1 to 1024.");
        }

        foreach (var host in options.AllowedHosts ?? [])
        {
            if (!HealthUrlPolicy.IsValidAllowedHost(host))
            {
                failures.Add($"{section}:AllowedHosts entry '{host}' must be '*', a host name, '*.' followed by a domain, or an IP address.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
