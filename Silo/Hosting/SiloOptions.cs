namespace OrleansRegistry.Silo.Hosting;

/// <summary>The <c>Orleans:*</c> keys of the operator configuration contract.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Orleans";

    public string ClusterId { get; set; } = "dev";

    public string ServiceId { get; set; } = "orleans-registry";

    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Address other silos and clients reach this silo at (IPv4 or IPv6 literal); loopback for
    /// <see cref="ClusteringKind.Localhost"/> when unset. Kept as text because the binder has no converter for addresses.
    /// </summary>
    public string? AdvertisedIP { get; set; }
}
