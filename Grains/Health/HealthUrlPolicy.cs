using System.Net;
using OrleansRegistry.Model;
using OrleansRegistry.Options;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Health;

/// <summary>
/// Where a health URL may point: at the instance's own host, or at a host the operator allowed
/// (<c>Registry:HealthCheck:AllowedHosts</c>: exact names or addresses, <c>*.domain</c>, or <c>*</c>
/// for any). Without this a registration could make the registry probe any internal address.
/// Link-local and metadata addresses stay refused whatever is allowed.
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

        var host = HostOf(RegistryValidator.ValidateHealthCheckUrl(instance.HealthCheckUrl));
        if (SameHost(host, instance.Host) || allowedHosts.Any(allowed => Allows(allowed, host)))
        {
            return;
        }

        throw new RegistryValidationException(
            "health_check_url",
            $"host '{host}' is neither the instance's host '{instance.Host}' nor allowed by {HealthCheckOptions.SectionName}:AllowedHosts");
    }

    /// <summary>The host of a URL as a resolver or socket expects it (IPv6 literals without brackets).</summary>
    public static string HostOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IdnHost.Trim('[', ']');
    }

    public static bool IsValidAllowedHost(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return false;
        }

        if (entry == AnyHost)
        {
            return true;
        }

        var name = entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry;
        return Uri.CheckHostName(name.Trim('[', ']')) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;
    }

    private static bool Allows(string allowed, string host)
    {
        if (allowed == AnyHost)
        {
            return true;
        }

        if (allowed.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = Normalize(allowed[1..]);
            var name = Normalize(host);
            return name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }

        return SameHost(allowed.Trim('[', ']'), host);
    }

    private static bool SameHost(string a, string b)
    {
        if (IPAddress.TryParse(a, out var left) && IPAddress.TryParse(b, out var right))
        {
            return Canonical(left).Equals(Canonical(right));
        }

        return string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);
    }

    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string Normalize(string host) => host.TrimEnd('.');
}
