using Microsoft.Extensions.Options;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Client.SelfRegistration;

public sealed class SelfRegistrationOptionsValidator : IValidateOptions<SelfRegistrationOptions>
{
    public ValidateOptionsResult Validate(string? name, SelfRegistrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = SelfRegistrationOptions.SectionName;
        var failures = new List<string>();
        if (!RegistryValidator.IsValidName(options.ServiceName))
        {
            failures.Add($"{Section}:ServiceName must be a service name ([A-Za-z0-9][A-Za-z0-9._-]{{0,127}}).");
        }

        if (options.InstanceId is not null && !RegistryValidator.IsValidName(options.InstanceId))
        {
            failures.Add($"{Section}:InstanceId must be an instance id ([A-Za-z0-9][A-Za-z0-9._-]{{0,127}}).");
        }

        if (options.Host is not null)
        {
            try
            {
                RegistryValidator.ValidateHost(options.Host);
            }
            catch (RegistryValidationException exception)
            {
                failures.Add($"{Section}:Host is invalid ({exception.Message}).");
            }
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{Section}:Port must be between 1 and 65535.");
        }

        if (options.Scheme is not (null or "http" or "https"))
        {
            failures.Add($"{Section}:Scheme must be http or https.");
        }

        if (options.HealthCheckPath is { } path && (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal)))
        {
            failures.Add($"{Section}:HealthCheckPath must be a path starting with a single '/'.");
        }

        if (options.Ttl is { } ttl && ttl <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:Ttl must be positive.");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero || (options.Ttl is { } limit && options.HeartbeatInterval >= limit))
        {
            failures.Add($"{Section}:HeartbeatInterval must be positive and shorter than {Section}:Ttl.");
        }

        if (options.RetryInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:RetryInterval must be positive.");
        }

        if (options.RegistryTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:RegistryTimeout must be positive.");
        }

        if (options.DrainPeriod < TimeSpan.Zero)
        {
            failures.Add($"{Section}:DrainPeriod must not be negative.");
        }

        try
        {
            RegistryValidator.ValidateMetadata(options.Metadata);
        }
        catch (RegistryValidationException exception)
        {
            failures.Add($"{Section}:Metadata is invalid ({exception.Message}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
