using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ARSoft.Tools.Net;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Silo.Dns;

/// <summary>
/// Where an SRV record points for one instance. An instance registered with an IP literal gets a
/// registry-owned name, <c>{instance}.{service}.instance.{zone}</c> (with <c>{ns}.ns</c> before the
/// zone outside the default namespace), whose address travels in the
/// additional section (and which answers A or AAAA on its own). An instance registered with a host
/// name gets that host name as its target, without additional record and without CNAME: the
/// registry vouches for no address it does not know; the caller's resolver looks the name up.
/// </summary>
public sealed record DnsInstanceTarget(DomainName Name, IPAddress? Address)
{
    private static readonly SearchValues<char> LabelChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>The target of <paramref name="instance"/> of namespace <paramref name="ns"/>; null when its host is not a usable DNS name.</summary>
    public static DnsInstanceTarget? For(ServiceInstance instance, DomainName zone, string ns = ServiceKey.DefaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (IPAddress.TryParse(instance.Host, out var address))
        {
            string[] labels = ns == ServiceKey.DefaultNamespace
                ? [LabelOf(instance.Id), instance.ServiceName, "instance"]
                : [LabelOf(instance.Id), instance.ServiceName, "instance", ns, "ns"];
            return new DnsInstanceTarget(DnsZone.Below(zone, labels), address);
        }

        return DomainName.TryParse(instance.Host, out var host) && host is not null ? new DnsInstanceTarget(host, null) : null;
    }

    /// <summary>
    /// The instance id as one DNS label: the id itself when it is one (at most 63 letters, digits,
    /// '-' or '_'), otherwise <c>i-</c> and 16 hex digits of its SHA-256, stable across silos.
    /// </summary>
    public static string LabelOf(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (instanceId.Length <= 63 && !instanceId.AsSpan().ContainsAnyExcept(LabelChars))
        {
            return instanceId;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(instanceId));
        return "i-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
