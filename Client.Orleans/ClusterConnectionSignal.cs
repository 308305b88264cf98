namespace OrleansRegistry.Client.Orleans;

/// <summary>
/// Relays the Orleans client's gateway events to the cache. It has no dependencies of its own
/// because the cluster client resolves it while it is being built.
/// </summary>
public sealed class ClusterConnectionSignal : IClusterConnectionStatusObserver
{
    /// <summary>Raised when the client gained or lost a gateway but still has one (a silo joined, left or came back).</summary>
    public event Action? GatewaysChanged;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        // A silo that left took its service grains, and their subscriber lists, with it; one that
        // joined or came back may be where they reactivate. Either way, subscriptions are renewed.
        if (currentNumberOfGateways > 0)
        {
            GatewaysChanged?.Invoke();
        }
    }

    public void NotifyClusterConnectionLost()
    {
    }
}
