using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansRegistry.Hosting;
using OrleansRegistry.Options;
using OrleansRegistry.Silo.Http;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Silo.Hosting;

public static class RegistrySiloHostingExtensions
{
    private const string DefaultUrls = "http://localhost:8080";

    /// <summary>
    /// Hosts the registry's silo in this web application, configured from the operator keys.
    /// Throws <see cref="RegistryConfigurationException"/> naming the key of a bad value.
    /// </summary>
    public static WebApplicationBuilder AddRegistrySilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = SiloConfiguration.Read(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        // Orleans reads its own "Orleans" section too, and would take our "Orleans:Clustering" value
        // for a provider section of its own; hide it from Orleans once we have read it.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [SiloConfigurationKeys.Clustering] = null });
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(configuration.Registry));
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(configuration.HealthCheck));
        builder.Services.AddRegistryGrains();
        builder.Services.AddRegistryHttpApi();
        builder.UseOrleans(silo => silo.ConfigureRegistrySilo(configuration).AddRegistryDashboard().AddActivityPropagation());
        return builder;
    }

    /// <summary>Clustering, storage, reminders and endpoints for one registry silo.</summary>
    public static ISiloBuilder ConfigureRegistrySilo(this ISiloBuilder silo, SiloConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.Silo;
        var connectionString = configuration.Registry.AzureStorageConnectionString;

        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });

        switch (options.Clustering)
        {
            case ClusteringKind.Localhost:
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                if (options.AdvertisedIP is { } localAddress)
                {
                    silo.Configure<EndpointOptions>(endpoints => endpoints.AdvertisedIPAddress = localAddress);
                }

                break;
            case ClusteringKind.AzureStorage:
                silo.UseAzureStorageClustering(clustering => clustering.TableServiceClient = AzureStorageClients.CreateTableServiceClient(connectionString));
                silo.ConfigureRegistryMembership();
                silo.Configure<EndpointOptions>(endpoints =>
                {
                    endpoints.SiloPort = options.SiloPort;
                    endpoints.GatewayPort = options.GatewayPort;
                    if (options.AdvertisedIP is { } advertised)
                    {
                        endpoints.AdvertisedIPAddress = advertised;
                    }

                    endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, options.SiloPort);
                    endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, options.GatewayPort);
                });
                break;
        }

        // Each checked service holds a reminder that fires every health-check interval, so that
        // after a silo is lost its services are probed again within one interval.
        var interval = configuration.HealthCheck.Interval;
        silo.Configure<ReminderOptions>(reminders =>
        {
            if (reminders.MinimumReminderPeriod > interval)
            {
                reminders.MinimumReminderPeriod = interval;
            }
        });

        // Stored state is plain JSON rather than type-named Newtonsoft JSON: readable, and not tied to CLR type names.
        silo.UseSystemTextJsonGrainStorageSerializer();
        switch (configuration.Registry.Storage)
        {
            case StorageKind.Memory:
                silo.AddMemoryGrainStorage(RegistryStorage.Name);
                silo.UseInMemoryReminderService();
                break;
            case StorageKind.AzureStorage:
                silo.AddAzureTableGrainStorage(RegistryStorage.Name, table => table.TableServiceClient = AzureStorageClients.CreateTableServiceClient(connectionString));
                silo.UseAzureTableReminderService(reminders => reminders.TableServiceClient = AzureStorageClients.CreateTableServiceClient(connectionString));
                break;
        }

        return silo;
    }
}
