using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Transport;
using OrleansRegistry.Client.Transport.Http;

namespace OrleansRegistry.Client.Orleans;

public static class OrleansRegistryClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds the registry client (see <see cref="RegistryClientServiceCollectionExtensions.AddRegistryClient"/>)
    /// reaching the registry through Orleans: needs an Orleans client (or silo) in the same container,
    /// whose <c>IGrainFactory</c> carries the calls; in an app built with <c>UseOrleansClient</c> the
    /// cache hears of gateway changes and resubscribes at once.
    /// </summary>
    public static IServiceCollection AddOrleansRegistryClient(this IServiceCollection services, Action<RegistryClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ClusterConnectionSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterConnectionStatusObserver, ClusterConnectionSignal>(provider => provider.GetRequiredService<ClusterConnectionSignal>()));
        services.TryAddSingleton<OrleansRegistryTransport>();

        // Replaces the HTTP transport (and its need for a URL) if AddRegistryClient ran first.
        services.RemoveAll<IRegistryTransport>();
        services.RemoveAll<HttpRegistryTransport>();
        foreach (var validator in services.Where(descriptor => descriptor.ImplementationType == typeof(HttpTransportOptionsValidator)).ToArray())
        {
            services.Remove(validator);
        }

        services.AddSingleton<IRegistryTransport>(provider => provider.GetRequiredService<OrleansRegistryTransport>());
        return services.AddRegistryClient(configure);
    }
}
