using OrleansRegistry.Model;

namespace OrleansRegistry.Grains;

/// <summary>Told of every change of one service. Subscriptions expire: resubscribe well within <see cref="ServiceObserverLimits.SubscriptionExpiry"/>.</summary>
[Alias("registry.IServiceObserver")]
public interface IServiceObserver : IGrainObserver
{
    [OneWay, Alias("OnServiceChanged")]
    Task OnServiceChangedAsync(ServiceSnapshot snapshot);
}
