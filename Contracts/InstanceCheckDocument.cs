namespace OrleansRegistry.Contracts;

/// <summary>
/// Per-instance check settings on the wire: <c>ttl</c> as a duration such as <c>"30s"</c>,
/// <c>"1m30s"</c> or <c>"500ms"</c>; <c>tcp</c> to probe by TCP connect; threshold overrides;
/// <c>deregister_after</c> (a duration of at least <c>1m</c>) to override how long it may stay unhealthy.
/// </summary>
public sealed record InstanceCheckDocument
{
    public string? Ttl { get; init; }

    public bool? Tcp { get; init; }

    public int? FailuresBeforeUnhealthy { get; init; }

    public int? SuccessesBeforeHealthy { get; init; }

    public string? DeregisterAfter { get; init; }
}
