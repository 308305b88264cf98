using Microsoft.Extensions.Configuration;
using OrleansRegistry.Options;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>The operator contract's keys, read and checked once at start.</summary>
public sealed record SiloConfiguration(SiloOptions Silo, RegistryOptions Registry, HealthCheckOptions HealthCheck)
{
    public static SiloConfiguration Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var silo = new SiloOptions
        {
            ClusterId = ConfigurationReader.ReadString(configuration, SiloConfigurationKeys.ClusterId, "dev"),
            ServiceId = ConfigurationReader.ReadString(configuration, SiloConfigurationKeys.ServiceId, "orleans-registry"),
            Clustering = ConfigurationReader.ReadEnum(configuration, SiloConfigurationKeys.Clustering, ClusteringKind.Localhost),
            SiloPort = ConfigurationReader.ReadInt(configuration, SiloConfigurationKeys.SiloPort, 11111, 1, 65535),
            GatewayPort = ConfigurationReader.ReadInt(configuration, SiloConfigurationKeys.GatewayPort, 30000, 1, 65535),
            AdvertisedIP = ConfigurationReader.ReadAddress(configuration, SiloConfigurationKeys.AdvertisedIP),
        };

        var registry = new RegistryOptions
        {
            Storage = ConfigurationReader.ReadEnum(configuration, SiloConfigurationKeys.Storage, StorageKind.Memory),
            AzureStorageConnectionString = ConfigurationReader.ReadString(configuration, SiloConfigurationKeys.AzureStorageConnectionString, "UseDevelopmentStorage=true"),
            ApiKeys = ConfigurationReader.ReadList(configuration, SiloConfigurationKeys.ApiKeys),
        };

        var healthCheck = new HealthCheckOptions
        {
            Interval = ConfigurationReader.ReadDuration(configuration, SiloConfigurationKeys.HealthCheckInterval, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
            Timeout = ConfigurationReader.ReadDuration(configuration, SiloConfigurationKeys.HealthCheckTimeout, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(5)),
            FailuresBeforeUnhealthy = ConfigurationReader.ReadInt(configuration, SiloConfigurationKeys.HealthCheckFailuresBeforeUnhealthy, 2, 1, 100),
            SuccessesBeforeHealthy = ConfigurationReader.ReadInt(configuration, SiloConfigurationKeys.HealthCheckSuccessesBeforeHealthy, 1, 1, 100),
            DeregisterAfter = ConfigurationReader.ReadDuration(configuration, SiloConfigurationKeys.HealthCheckDeregisterAfter, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), TimeSpan.FromDays(30)),
            AllowedHosts = ConfigurationReader.ReadList(configuration, SiloConfigurationKeys.HealthCheckAllowedHosts),
            MaxConcurrentProbes = ConfigurationReader.ReadInt(configuration, SiloConfigurationKeys.HealthCheckMaxConcurrentProbes, 16, 1, 1024),
        };

        var healthCheckResult = new HealthCheckOptionsValidator().Validate(null, healthCheck);
        if (healthCheckResult.Failed)
        {
            throw new RegistryConfigurationException($"Invalid health-check configuration: {healthCheckResult.FailureMessage}");
        }

        if (silo.SiloPort == silo.GatewayPort)
        {
            throw new RegistryConfigurationException("Configuration keys 'Orleans:SiloPort' and 'Orleans:GatewayPort' must differ.");
        }

        if (registry.Storage == StorageKind.AzureStorage || silo.Clustering == ClusteringKind.AzureStorage)
        {
            ValidateConnectionString(registry.AzureStorageConnectionString);
        }

        return new SiloConfiguration(silo, registry, healthCheck);
    }

    private static void ValidateConnectionString(string connectionString)
    {
        try
        {
            // The SDK's own parser is the real rule; it throws on a malformed string.
            _ = new Azure.Data.Tables.TableServiceClient(connectionString);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new RegistryConfigurationException(
                $"Configuration key 'Registry:AzureStorage:ConnectionString' is not a valid Azure Storage connection string: {exception.Message}");
        }
    }
}
