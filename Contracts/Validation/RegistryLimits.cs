namespace OrleansRegistry.Validation;

/// <summary>Bounds on what one registration or definition may hold.</summary>
public static class RegistryLimits
{
    public const int MaxNameLength = 128;
    public const int MaxHostLength = 253;
    public const int MaxMetadataEntries = 64;
    public const int MaxMetadataKeyLength = 128;
    public const int MaxMetadataValueLength = 1024;
    public const int MinWeight = 1;
    public const int MaxWeight = 1000;
    public const int MaxUrlLength = 2048;
    public const int MaxTextLength = 4096;
    public const int MaxEndpoints = 256;
    public const int MaxParameters = 64;
    public const int MaxDependencies = 256;
    public const int MaxConfigEntries = 256;
    public const int MaxConfigValueLength = 64 * 1024;
    public const int MaxCheckThreshold = 100;
    public const int MaxTags = 32;
    public const int MaxTagLength = 64;

    /// <summary>Most <c>tag</c> conditions one filter may hold (more distinct tags than an instance can carry match nothing).</summary>
    public const int MaxFilterTags = MaxTags;

    /// <summary>Most <c>meta.K</c> conditions one filter may hold.</summary>
    public const int MaxFilterMetadata = MaxMetadataEntries;

    public const int MaxMaintenanceReasonLength = 256;

    /// <summary>The shortest per-instance <c>check.deregister_after</c>, as for Registry:HealthCheck:DeregisterAfter.</summary>
    public static readonly TimeSpan MinDeregisterAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxDeregisterAfter = TimeSpan.FromDays(30);
}
