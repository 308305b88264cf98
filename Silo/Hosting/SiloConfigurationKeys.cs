using OrleansRegistry.Options;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>Every operator key the silo reads (configuration.md); deployment files may set only these.</summary>
public static class SiloConfigurationKeys
{
    public const string ClusterId = "Orleans:ClusterId";
    public const string ServiceId = "Orleans:ServiceId";
    public const string Clustering = "Orleans:Clustering";
    public const string SiloPort = "Orleans:SiloPort";
    public const string GatewayPort = "Orleans:GatewayPort";
    public const string AdvertisedIP = "Orleans:AdvertisedIP";
    public const string Storage = "Registry:Storage";
    public const string AzureStorageConnectionString = "Registry:AzureStorage:ConnectionString";
    public const string ApiKeys = "Registry:ApiKeys";
    public const string HealthCheckInterval = HealthCheckOptions.SectionName + ":Interval";
    public const string HealthCheckTimeout = HealthCheckOptions.SectionName + ":Timeout";
    public const string HealthCheckFailuresBeforeUnhealthy = HealthCheckOptions.SectionName + ":FailuresBeforeUnhealthy";
    public const string HealthCheckSuccessesBeforeHealthy = HealthCheckOptions.SectionName + ":SuccessesBeforeHealthy";
    public const string HealthCheckDeregisterAfter = HealthCheckOptions.SectionName + ":DeregisterAfter";
    public const string HealthCheckAllowedHosts = HealthCheckOptions.SectionName + ":AllowedHosts";
    public const string HealthCheckMaxConcurrentProbes = HealthCheckOptions.SectionName + ":MaxConcurrentProbes";
    public const string BalancerLeaseDuration = BalancerOptions.SectionName + ":LeaseDuration";
    public const string BalancerSnapshotMaxAge = BalancerOptions.SectionName + ":SnapshotMaxAge";
    public const string BalancerPublishTimeout = BalancerOptions.SectionName + ":PublishTimeout";

    /// <summary>ASP.NET's own listen-address key, which the silo also honours.</summary>
    public const string Urls = "urls";

    public static IReadOnlyList<string> All { get; } =
    [
        ClusterId, ServiceId, Clustering, SiloPort, GatewayPort, AdvertisedIP, Storage, AzureStorageConnectionString, ApiKeys,
        HealthCheckInterval, HealthCheckTimeout, HealthCheckFailuresBeforeUnhealthy, HealthCheckSuccessesBeforeHealthy,
        HealthCheckDeregisterAfter, HealthCheckAllowedHosts, HealthCheckMaxConcurrentProbes,
        BalancerLeaseDuration, BalancerSnapshotMaxAge, BalancerPublishTimeout, Urls,
    ];

    /// <summary>Whether <paramref name="key"/> (in <c>:</c> form, list entries like <c>Registry:ApiKeys:0</c> allowed) is read by the silo.</summary>
    public static bool IsKnown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return All.Any(known => string.Equals(known, key, StringComparison.OrdinalIgnoreCase)
            || (key.StartsWith(known + ":", StringComparison.OrdinalIgnoreCase) && int.TryParse(key.AsSpan(known.Length + 1), out _)));
    }
}
