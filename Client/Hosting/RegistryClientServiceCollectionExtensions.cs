using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Endpoints;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Client.SelfRegistration;
using OrleansRegistry.Client.Transport;
using OrleansRegistry.Client.Transport.Http;
using OrleansRegistry.Client.Watching;

namespace OrleansRegistry.Client.Hosting;

public static class RegistryClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds the registry client: <see cref="IServiceClient"/>, its pushed cache
    /// (<see cref="RegistryServiceCache"/>), <see cref="RegistryWatcher"/> and the named
    /// <c>HttpClient</c> <see cref="ServiceClient.HttpClientName"/>. Settings bind from
    /// <c>Registry:Client</c>, then <paramref name="configure"/>. The registry is reached over HTTP
    /// at <see cref="RegistryClientOptions.Url"/> (and <see cref="RegistryClientOptions.Urls"/>),
    /// unless a transport was added before (<c>AddOrleansRegistryClient</c> adds the Orleans one).
    /// </summary>
    public static IServiceCollection AddRegistryClient(this IServiceCollection services, Action<RegistryClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RegistryClientOptions>().BindConfiguration(RegistryClientOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegistryClientOptions>, RegistryClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(IRegistryTransport)))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegistryClientOptions>, HttpTransportOptionsValidator>());
            services.AddSingleton<HttpRegistryTransport>();
            services.AddSingleton<IRegistryTransport>(provider => provider.GetRequiredService<HttpRegistryTransport>());
            services.AddHttpClient(HttpRegistryTransport.HttpClientName)

                // Each call sets its own limit: a blocking query waits longer than any other call may.
                .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        }

        services.TryAddSingleton<RegistryServiceCache>();
        services.TryAddSingleton<InstanceCircuitBreakers>();
        services.TryAddSingleton<InstanceSelector>();
        services.TryAddSingleton<RegistryWatcher>();
        services.TryAddSingleton<ServiceClient>();
        services.TryAddSingleton<IServiceClient>(provider => provider.GetRequiredService<ServiceClient>());
        services.AddHttpClient(ServiceClient.HttpClientName)
            .ConfigureHttpClient((provider, http) =>
            {
                // The Polly pipeline owns every timeout; HttpClient's own 100 s would only get in the way.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.MaxResponseContentBufferSize = provider.GetRequiredService<IOptions<RegistryClientOptions>>().Value.MaxResponseContentBytes;
            });
        return services;
    }

    /// <summary>
    /// Lets <c>Microsoft.Extensions.ServiceDiscovery</c> resolve service names through the registry:
    /// with <c>services.AddServiceDiscovery()</c> and an <c>HttpClient</c> that has
    /// <c>.AddServiceDiscovery()</c>, <c>http://user-service/users</c> goes to a healthy instance
    /// of <c>user-service</c> (service discovery round-robins over the healthy instances the
    /// registry pushed). Adds the registry client too.
    /// </summary>
    public static IServiceCollection AddRegistryServiceEndpointProvider(this IServiceCollection services, Action<RegistryEndpointProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRegistryClient();
        services.AddServiceDiscoveryCore();
        var options = services.AddOptions<RegistryEndpointProviderOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceEndpointProviderFactory, RegistryServiceEndpointProviderFactory>());
        return services;
    }

    /// <summary>
    /// Registers this ASP.NET Core service in the registry once it listens, heartbeats while it
    /// runs, and at graceful shutdown deregisters, then drains before the host stops. Settings bind
    /// from <c>Registry:SelfRegistration</c>, then <paramref name="configure"/>; the service name is required.
    /// </summary>
    public static IServiceCollection AddRegistrySelfRegistration(this IServiceCollection services, Action<SelfRegistrationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SelfRegistrationOptions>().BindConfiguration(SelfRegistrationOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddRegistryClient();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SelfRegistrationOptions>, SelfRegistrationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SelfRegistrationService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SelfRegistrationService>(provider => provider.GetRequiredService<SelfRegistrationService>()));
        return services;
    }
}
