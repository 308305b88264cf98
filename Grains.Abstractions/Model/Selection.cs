namespace OrleansRegistry.Model;

/// <summary>The balancer's pick, with the lease to return when the strategy counts connections.</summary>
[GenerateSerializer, Immutable, Alias("registry.Selection")]
public sealed record Selection(
    [property: Id(0)] ServiceInstance Instance,
    [property: Id(1)] LeaseToken? Lease);
