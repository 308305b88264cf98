using System.Net;
using Orleans.Configuration;
using Orleans.Hosting;
using StackExchange.Redis;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>How silos find each other: the membership provider <c>Orleans:Clustering</c> names, and the endpoints they listen on.</summary>
internal static class RegistryClustering
{
    public static ISiloBuilder UseRegistryClustering(this ISiloBuilder silo, SiloOptions options, RegistryOptions registry)
    {
        var advertisedIP = options.AdvertisedIP is { } advertised ? IPAddress.Parse(advertised) : null;
        if (options.Clustering == ClusteringKind.Localhost)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            if (advertisedIP is { } localAddress)
            {
                silo.Configure<EndpointOptions>(endpoints => endpoints.AdvertisedIPAddress = localAddress);
            }

            return silo;
        }

        if (options.Clustering == ClusteringKind.Kubernetes)
        {
            // Pod name, namespace and IP (POD_NAME, POD_NAMESPACE, POD_IP) become the silo's name and
            // advertised address unless Orleans:AdvertisedIP is set; membership stays in a table below.
            silo.UseKubernetesHosting();
        }

        switch (BackendChoiceValidator.MembershipOf(options, registry))
        {
            case ClusteringKind.AzureStorage:
                silo.UseAzureStorageClustering(clustering => clustering.TableServiceClient = AzureStorageClients.CreateTableServiceClient(registry.AzureStorage.ConnectionString));
                break;
            case ClusteringKind.Redis:
                silo.UseRedisClustering(clustering => clustering.ConfigurationOptions = ConfigurationOptions.Parse(registry.Redis.ConnectionString));
                break;
            case ClusteringKind.AdoNet:
                silo.UseAdoNetClustering(clustering =>
                {
                    clustering.Invariant = AdoNetOptions.Invariant;
                    clustering.ConnectionString = registry.AdoNet.ConnectionString;
                });
                break;
        }

        silo.ConfigureRegistryMembership();
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.SiloPort = options.SiloPort;
            endpoints.GatewayPort = options.GatewayPort;
            if (advertisedIP is { } address)
            {
                endpoints.AdvertisedIPAddress = address;
            }

            endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, options.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, options.GatewayPort);
        });
        return silo;
    }
}
