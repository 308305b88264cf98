namespace OrleansRegistry.Silo.Dns;

/// <summary>The silo's DNS interface (<c>Registry:Dns:*</c>).</summary>
public sealed class DnsOptions
{
    public const string SectionName = "Registry:Dns";

    /// <summary>UDP and TCP port; 0 turns DNS off.</summary>
    public int Port { get; set; } = 8600;

    /// <summary>The IP address DNS listens on.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The zone the registry answers for; names outside it are refused.</summary>
    public string Domain { get; set; } = "registry.";

    /// <summary>TTL of every record and of negative answers (whole seconds).</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(5);

    public bool Enabled => Port != 0;
}
