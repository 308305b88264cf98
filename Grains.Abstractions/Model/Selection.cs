namespace OrleansRegistry.Model;

/// <summary>The balancer's pick, with the lease to return when the strategy counts connections.</summary>
[GenerateSerializer, Immutable, Alias("registry.Selection")]
public sealed record Selection(
    [property: Id(0)] ServiceInstance Instance,
    [property: Id(1)] LeaseToken? Lease)
{
    /// <summary>True when a zone was asked for (<c>near</c>) but had no eligible instance, so the pick came from every zone.</summary>
    [Id(2)]
    public bool ZoneFallback { get; init; }
}
