namespace OrleansRegistry.Model;

/// <summary>The balancer's pick, with the lease to return when the strategy counts connections.</summary>
/// <remarks>
/// Crosses the wire as <see cref="Wire.SelectionSurrogate"/>: the instance travels as its cached
/// encoding, so the silo does not serialize it, nor the client deserialize it, on every pick
/// (see <see cref="Wire.SelectionConverter"/>).
/// </remarks>
[Immutable, Alias("registry.Selection")]
public sealed record Selection(ServiceInstance Instance, LeaseToken? Lease);
