namespace OrleansRegistry.Grains;

public static class ServiceObserverLimits
{
    /// <summary>A subscription not renewed for this long is dropped by the service grain.</summary>
    public static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromMinutes(2);
}
