namespace OrleansRegistry.Client.Options;

/// <summary>Where the client picks an instance.</summary>
public enum SelectionMode
{
    /// <summary>
    /// From the client's own pushed cache with the balancer's strategy classes: no grain call per
    /// pick. Least-connections leases are counted per client process.
    /// </summary>
    Local = 0,

    /// <summary>
    /// Through <c>IBalancerGrain</c>, one grain call per pick, so least-connections leases are
    /// counted by the silos for every caller. Falls back to local selection when the balancer
    /// cannot be reached.
    /// </summary>
    Balancer = 1,
}
