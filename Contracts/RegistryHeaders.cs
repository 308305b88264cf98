namespace OrleansRegistry.Contracts;

/// <summary>The HTTP headers the registry reads or writes besides the standard ones.</summary>
public static class RegistryHeaders
{
    /// <summary>The service's change index on every instance-list response (blocking queries pass it back as <c>?index=</c>).</summary>
    public const string Index = "X-Registry-Index";

    /// <summary>The least-connections lease a <c>/select</c> opened; hand it back to the release endpoint.</summary>
    public const string Lease = "X-Registry-Lease";

    /// <summary>Present (<c>true</c>) when a read was served from the silo's pushed copy because the service grain could not answer.</summary>
    public const string Stale = "X-Registry-Stale";

    /// <summary>Present (<c>true</c>) on a <c>select?near=</c> answer whose zone had no eligible instance, so the pick came from every zone.</summary>
    public const string ZoneFallback = "X-Registry-Zone-Fallback";

    /// <summary>The key a write carries once keys are configured (and a read, when reads are protected).</summary>
    public const string ApiKey = "X-Api-Key";
}
