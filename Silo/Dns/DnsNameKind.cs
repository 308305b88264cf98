namespace OrleansRegistry.Silo.Dns;

/// <summary>What a name under the registry's zone stands for.</summary>
public enum DnsNameKind
{
    /// <summary>The zone itself.</summary>
    Apex,

    /// <summary><c>{service}.service</c> or <c>{tag}.{service}.service</c>: A, AAAA and SRV.</summary>
    Service,

    /// <summary><c>_{service}._tcp.service</c> (RFC 2782): SRV.</summary>
    ServiceSrv,

    /// <summary><c>{instance}.{service}.instance</c>: an SRV target, A or AAAA of one instance.</summary>
    Instance,
}
