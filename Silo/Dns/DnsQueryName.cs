using ARSoft.Tools.Net;
using OrleansRegistry.Grains;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Dns;

/// <summary>
/// A name under the zone, parsed: <c>{service}.service</c>, <c>{tag}.{service}.service</c>,
/// <c>_{service}._tcp.service</c> or <c>{instance}.{service}.instance</c>, each optionally followed
/// by <c>{ns}.ns</c>, then the zone. Labels are matched case-insensitively except the service name,
/// the namespace and the tag, which are the registry's own case-sensitive names and are taken as
/// written (<c>default</c> in any case is the default namespace).
/// </summary>
public sealed record DnsQueryName(DnsNameKind Kind, string Namespace, string Service, string? Tag = null, string? InstanceLabel = null)
{
    public const string DefaultNamespace = ServiceKey.DefaultNamespace;

    private const StringComparison Dns = StringComparison.OrdinalIgnoreCase;

    /// <summary>Parses <paramref name="name"/>, a name at or below <paramref name="zone"/>; null when it names nothing the registry answers for.</summary>
    public static DnsQueryName? Parse(DomainName name, DomainName zone)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(zone);
        var labels = name.Labels.AsSpan(0, name.LabelCount - zone.LabelCount);
        if (labels.IsEmpty)
        {
            return new DnsQueryName(DnsNameKind.Apex, DefaultNamespace, string.Empty);
        }

        var ns = DefaultNamespace;
        if (labels.Length >= 2 && labels[^1].Equals("ns", Dns))
        {
            ns = labels[^2].Equals(DefaultNamespace, Dns) ? DefaultNamespace : labels[^2];
            labels = labels[..^2];
        }

        if (labels.Length < 2 || !RegistryValidator.IsValidName(ns))
        {
            return null;
        }

        var parsed = (labels[^1].ToUpperInvariant(), labels.Length) switch
        {
            ("SERVICE", 2) => new DnsQueryName(DnsNameKind.Service, ns, labels[0]),
            ("SERVICE", 3) when labels[0].StartsWith('_') && labels[1].Equals("_tcp", Dns) =>
                new DnsQueryName(DnsNameKind.ServiceSrv, ns, labels[0][1..]),
            ("SERVICE", 3) when RegistryValidator.IsValidTag(labels[0]) => new DnsQueryName(DnsNameKind.Service, ns, labels[1], Tag: labels[0]),
            ("INSTANCE", 3) => new DnsQueryName(DnsNameKind.Instance, ns, labels[1], InstanceLabel: labels[0]),
            _ => null,
        };
        return parsed is not null && RegistryValidator.IsValidName(parsed.Service) ? parsed : null;
    }
}
