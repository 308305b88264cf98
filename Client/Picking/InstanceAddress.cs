using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Picking;

/// <summary>Where an instance is reached: its scheme and authority, as the client addresses and breaks circuits.</summary>
public static class InstanceAddress
{
    /// <summary>The metadata key naming an instance's scheme (<c>http</c> or <c>https</c>).</summary>
    public const string SchemeKey = "scheme";

    public static string SchemeOf(ServiceInstance instance, string defaultScheme)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Metadata.TryGetValue(SchemeKey, out var scheme) && scheme is "http" or "https" ? scheme : defaultScheme;
    }

    /// <summary><c>host:port</c>, with IPv6 literals in brackets and host names in lower case: the circuit breakers' key.</summary>
    public static string AuthorityOf(ServiceInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return string.Create(CultureInfo.InvariantCulture, $"{HostOf(instance.Host)}:{instance.Port}");
    }

    /// <summary>The absolute URI of <paramref name="pathAndQuery"/> on the instance.</summary>
    public static Uri UriOf(ServiceInstance instance, string defaultScheme, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{SchemeOf(instance, defaultScheme)}://{HostOf(instance.Host)}:{instance.Port}{pathAndQuery}"), UriKind.Absolute);
    }

    private static string HostOf(string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 && !host.StartsWith('[')
            ? $"[{host}]"
            : host.ToLowerInvariant();
}
