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
    /// Hosts the registry's silo in this web application, configured from the operator keys. A bad
    /// value of a key the build needs throws <see cref="OptionsValidationException"/> here; the other
    /// keys are bound and validated when the host starts. Either way the message names the key.
    /// </summary>
    public static WebApplicationBuilder AddRegistrySilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var silo = BuildTimeOptions.Bind<SiloOptions, SiloOptionsValidator>(builder.Configuration, SiloOptions.SectionName);
        var registry = BuildTimeOptions.Bind<RegistryOptions, RegistryOptionsValidator>(builder.Configuration, RegistryOptions.SectionName);
        builder.AddRegistryTls();
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        // Orleans reads its own "Orleans" section too, and would take our "Orleans:Clustering" value
        // for a provider section of its own; hide it from Orleans once we have bound it.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{SiloOptions.SectionName}:{nameof(SiloOptions.Clustering)}"] = null });
        builder.Services.AddRegistryGrains();
        builder.Services.AddRegistryHttpApi();
        builder.Services.AddRegistryApiKeys();
        builder.Services.AddRegistryProbes();
        builder.UseOrleans(orleans => orleans.ConfigureRegistrySilo(silo, registry).AddRegistryDashboard().AddActivityPropagation());
        return builder;
    }

    /// <summary>Clustering, storage, reminders and endpoints for one registry silo.</summary>
    public static ISiloBuilder ConfigureRegistrySilo(this ISiloBuilder silo, SiloOptions options, RegistryOptions registry)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        var connectionString = registry.AzureStorage.ConnectionString;
        var advertisedIP = options.AdvertisedIP is { } advertised ? IPAddress.Parse(advertised) : null;

        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });

        switch (options.Clustering)
        {
            case ClusteringKind.Localhost:
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                if (advertisedIP is { } localAddress)
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
                    if (advertisedIP is { } address)
                    {
                        endpoints.AdvertisedIPAddress = address;
                    }

                    endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, options.SiloPort);
                    endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, options.GatewayPort);
                });
                break;
        }

        // Each checked service holds a reminder that fires every health-check interval, so that
        // after a silo is lost its services are probed again within one interval.
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<HealthCheckOptions>>((reminders, health) =>
        {
            if (reminders.MinimumReminderPeriod > health.Value.Interval)
            {
                reminders.MinimumReminderPeriod = health.Value.Interval;
            }
        });

        // Stored state is plain JSON rather than type-named Newtonsoft JSON: readable, and not tied to CLR type names.
        silo.UseSystemTextJsonGrainStorageSerializer();
        switch (registry.Storage)
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
