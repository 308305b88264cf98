using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Dns;

public static class RegistryDnsServiceCollectionExtensions
{
    /// <summary>Adds the silo's DNS interface (<c>Registry:Dns:*</c>), answered from the silo's cache.</summary>
    public static IServiceCollection AddRegistryDns(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DnsOptions>().BindConfiguration(DnsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DnsOptions>, DnsOptionsValidator>());
        services.TryAddSingleton<DnsResponder>();
        services.TryAddSingleton<DnsHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<DnsHostedService>());
        return services;
    }
}
