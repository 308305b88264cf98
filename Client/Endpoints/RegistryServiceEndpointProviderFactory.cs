using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Client.Endpoints;

/// <summary>Lets <c>Microsoft.Extensions.ServiceDiscovery</c> resolve service names through the registry client's cache.</summary>
internal sealed class RegistryServiceEndpointProviderFactory(
    RegistryServiceCache cache,
    IOptions<RegistryEndpointProviderOptions> options,
    ILogger<RegistryServiceEndpointProvider> logger) : IServiceEndpointProviderFactory
{
    public bool TryCreateProvider(ServiceEndpointQuery query, [NotNullWhen(true)] out IServiceEndpointProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!options.Value.ShouldResolve(query.ServiceName))
        {
            provider = null;
            return false;
        }

        // "_eu.user-service" asks for the endpoint named "eu": the instances tagged "eu".
        if (query.EndpointName is { } endpointName && !RegistryValidator.IsValidTag(endpointName))
        {
            provider = null;
            return false;
        }

        provider = new RegistryServiceEndpointProvider(query.ServiceName, InstanceFilter.OfTag(query.EndpointName), cache, logger);
        return true;
    }
}
