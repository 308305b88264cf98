namespace OrleansRegistry.Options;

/// <summary>Settings of the per-silo balancer (section <c>Registry:Balancer</c>).</summary>
public sealed class BalancerOptions
{
    public const string SectionName = "Registry:Balancer";

    /// <summary>How long a least-connections lease stays open when its holder never releases it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A silo's copy of a service is reloaded from the service grain when no push refreshed it for
    /// this long; a safety net for a push lost to a transient fault, not the normal path.
    /// </summary>
    public TimeSpan SnapshotMaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a change waits for the silos to acknowledge its push before it returns anyway. A
    /// silo that misses it was paused (or is not a member) and serves nothing until it has reloaded
    /// (see <c>SiloServingGate</c>), so a hung silo costs each write at most this long.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromMilliseconds(200);
}
