using System.Diagnostics.CodeAnalysis;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace OrleansRegistry.Silo.Dns;

/// <summary>The zone the registry is authoritative for, with the SOA that negative answers carry.</summary>
public sealed class DnsZone
{
    public DnsZone(DomainName name, int ttl)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Ttl = ttl;

        // The registry is the only server of its zone and never transferred, so refresh, retry and
        // expire mean nothing; the minimum (the negative-caching TTL) is the answers' TTL.
        Soa = new SoaRecord(name, ttl, Below(name, "ns"), Below(name, "hostmaster"), 1, 3600, 600, 86400, ttl);
    }

    public DomainName Name { get; }

    /// <summary>TTL of answers, in seconds.</summary>
    public int Ttl { get; }

    public SoaRecord Soa { get; }

    /// <summary>The name <paramref name="labels"/> under <paramref name="parent"/>, labels taken as they are.</summary>
    public static DomainName Below(DomainName parent, params string[] labels)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return new DomainName([.. labels, .. parent.Labels]);
    }

    /// <summary>The zone of validated options.</summary>
    public static DnsZone From(DnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!TryParse(options.Domain, out var zone))
        {
            throw new ArgumentException($"{DnsOptions.SectionName}:Domain is not a DNS name.", nameof(options));
        }

        return new DnsZone(zone, (int)options.Ttl.TotalSeconds);
    }

    /// <summary>Parses a configured zone such as <c>registry.</c> or <c>registry.internal</c>; the root is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DomainName? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(text)
            && DomainName.TryParse(text, out zone)
            && zone is not null
            && zone.LabelCount > 0
            && zone.Labels.All(label => label.Length is > 0 and <= 63);
    }
}
