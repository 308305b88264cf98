using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansRegistry.Caching;
using OrleansRegistry.Diagnostics;
using OrleansRegistry.Health;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Options;

namespace OrleansRegistry.Hosting;

public static class RegistryGrainsServiceCollectionExtensions
{
    /// <summary>Adds what the registry's grains need on a silo: the silo cache and its balancer, the snapshot publisher, the probers, placement and options.</summary>
    public static IServiceCollection AddRegistryGrains(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ServiceGauges>();
        services.TryAddSingleton<RegistryMetrics>();
        services.TryAddSingleton<SiloServingGate>();
        services.AddHostedService(provider => provider.GetRequiredService<SiloServingGate>());
        services.TryAddSingleton<SiloServiceCache>();
        services.TryAddSingleton<SnapshotPublisher>();
        services.TryAddSingleton<SiloBalancer>();
        services.AddOptions<BalancerOptions>().BindConfiguration(BalancerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BalancerOptions>, BalancerOptionsValidator>());
        services.AddOptions<HealthCheckOptions>()
            .BindConfiguration(HealthCheckOptions.SectionName)
            .BindCommaSeparated(HealthCheckOptions.SectionName + ":AllowedHosts", (options, hosts) => options.AllowedHosts = hosts)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthCheckOptions>, HealthCheckOptionsValidator>());
        services.TryAddSingleton(ProbeAddressGuard.System);
        services.TryAddSingleton<HttpProber>();
        services.TryAddSingleton<TcpProber>();
        services.TryAddSingleton<InstanceProber>();
        services.AddPlacementDirector<SiloTargetedPlacement, SiloTargetedPlacementDirector>();
        return services;
    }
}
