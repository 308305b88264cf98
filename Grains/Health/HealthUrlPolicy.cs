using OrleansRegistry.Model;
using OrleansRegistry.Options;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Health;

/// <summary>
/// Where a health URL may point: at the instance's own host, or at a host the operator allowed
/// (<c>Registry:HealthCheck:AllowedHosts</c>: exact names or addresses, <c>*.domain</c>, or <c>*</c>
/// for any). Without this a registration could make the registry probe any internal address.
/// Link-local and metadata addresses stay refused whatever is allowed. Hosts are compared in their
/// <see cref="CanonicalHost"/> form, so <c>http://0x0a000007/</c> is on host <c>10.0.0.7</c>.
/// </summary>
public static class HealthUrlPolicy
{
    public const string AnyHost = "*";

    /// <summary>Throws <see cref="RegistryValidationException"/> on <c>health_check_url</c> when the URL's host is not permitted.</summary>
    public static void Validate(ServiceInstance instance, IReadOnlyList<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (instance.HealthCheckUrl is null)
        {
            return;
        }

        RegistryValidator.ValidateHealthCheckUrl(instance.HealthCheckUrl, out var host);
        if (IsSameHost(instance.Host, host) || allowedHosts.Any(allowed => Allows(allowed, host)))
        {
            return;
        }

        throw new RegistryValidationException(
            "health_check_url",
            $"host '{host}' is neither the instance's host '{instance.Host}' nor allowed by {HealthCheckOptions.SectionName}:AllowedHosts");
    }

    public static bool IsValidAllowedHost(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return false;
        }

        return entry == AnyHost || CanonicalHost.TryParse(entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry, out _);
    }

    private static bool Allows(string allowed, CanonicalHost host)
    {
        if (allowed == AnyHost)
        {
            return true;
        }

        // *.domain matches names below the domain (not the domain itself), never an address.
        if (allowed.StartsWith("*.", StringComparison.Ordinal))
        {
            return host.Address is null
                && CanonicalHost.TryParse(allowed[2..], out var domain)
                && host.Name.EndsWith($".{domain.Name}", StringComparison.Ordinal);
        }

        return IsSameHost(allowed, host);
    }

    private static bool IsSameHost(string written, CanonicalHost host) =>
        CanonicalHost.TryParse(written, out var canonical) && canonical == host;
}
