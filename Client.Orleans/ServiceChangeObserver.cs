using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Orleans;

/// <summary>The one observer a client subscribes to every service it caches; pushes go straight into the cache.</summary>
internal sealed class ServiceChangeObserver(Action<ServiceSnapshot> apply) : IServiceObserver
{
    public Task OnServiceChangedAsync(ServiceSnapshot snapshot)
    {
        if (snapshot is not null)
        {
            apply(snapshot);
        }

        return Task.CompletedTask;
    }
}
