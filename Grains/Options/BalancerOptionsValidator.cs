using Microsoft.Extensions.Options;

namespace OrleansRegistry.Options;

public sealed class BalancerOptionsValidator : IValidateOptions<BalancerOptions>
{
    public ValidateOptionsResult Validate(string? name, BalancerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = BalancerOptions.SectionName;
        var failures = new List<string>();
        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            failures.Add($"Configuration key '{section}:LeaseDuration' must be positive.");
        }

        if (options.SnapshotMaxAge <= TimeSpan.Zero)
        {
            failures.Add($"Configuration key '{section}:SnapshotMaxAge' must be positive.");
        }

        if (options.PublishTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Configuration key '{section}:PublishTimeout' must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
