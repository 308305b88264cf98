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
            ClusterId = ConfigurationReader.ReadString(configuration, "Orleans:ClusterId", "dev"),
            ServiceId = ConfigurationReader.ReadString(configuration, "Orleans:ServiceId", "orleans-registry"),
            Clustering = ConfigurationReader.ReadEnum(configuration, "Orleans:Clustering", ClusteringKind.Localhost),
            SiloPort = ConfigurationReader.ReadInt(configuration, "Orleans:SiloPort", 11111, 1, 65535),
            GatewayPort = ConfigurationReader.ReadInt(configuration, "Orleans:GatewayPort", 30000, 1, 65535),
            AdvertisedIP = ConfigurationReader.ReadAddress(configuration, "Orleans:AdvertisedIP"),
        };

        var registry = new RegistryOptions
        {
            Storage = ConfigurationReader.ReadEnum(configuration, "Registry:Storage", StorageKind.Memory),
            AzureStorageConnectionString = ConfigurationReader.ReadString(configuration, "Registry:AzureStorage:ConnectionString", "UseDevelopmentStorage=true"),
            ApiKeys = ConfigurationReader.ReadList(configuration, "Registry:ApiKeys"),
        };

        const string health = HealthCheckOptions.SectionName;
        var healthCheck = new HealthCheckOptions
        {
            Interval = ConfigurationReader.ReadDuration(configuration, $"{health}:Interval", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
            Timeout = ConfigurationReader.ReadDuration(configuration, $"{health}:Timeout", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(5)),
            FailuresBeforeUnhealthy = ConfigurationReader.ReadInt(configuration, $"{health}:FailuresBeforeUnhealthy", 2, 1, 100),
            SuccessesBeforeHealthy = ConfigurationReader.ReadInt(configuration, $"{health}:SuccessesBeforeHealthy", 1, 1, 100),
            DeregisterAfter = ConfigurationReader.ReadDuration(configuration, $"{health}:DeregisterAfter", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), TimeSpan.FromDays(30)),
            AllowedHosts = ConfigurationReader.ReadList(configuration, $"{health}:AllowedHosts"),
            MaxConcurrentProbes = ConfigurationReader.ReadInt(configuration, $"{health}:MaxConcurrentProbes", 16, 1, 1024),
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
        if (string.Equals(connectionString, "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var wellFormed = parts.Length > 0 && parts.All(part => part.IndexOf('=', StringComparison.Ordinal) > 0);
        var names = parts.Select(part => part.Split('=', 2)[0].Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!wellFormed || !(names.Contains("AccountName") || names.Contains("TableEndpoint") || names.Contains("BlobEndpoint")))
        {
            throw new RegistryConfigurationException(
                "Configuration key 'Registry:AzureStorage:ConnectionString' is not a valid Azure Storage connection string (expected Key=Value pairs with AccountName or endpoints, or UseDevelopmentStorage=true).");
        }
    }
}
