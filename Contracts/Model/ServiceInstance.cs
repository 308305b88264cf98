namespace OrleansRegistry.Model;

/// <summary>One running copy of a service, reachable at <see cref="Host"/>:<see cref="Port"/>.</summary>
/// <remarks>How it crosses a grain call is <c>ServiceInstanceSurrogate</c> (Grains.Abstractions); this assembly carries no Orleans.</remarks>
public sealed record ServiceInstance(
    string Id,
    string ServiceName,
    string Host,
    int Port,
    ServiceStatus Status,
    IReadOnlyDictionary<string, string> Metadata,
    string? HealthCheckUrl,
    DateTimeOffset LastHeartbeat,
    DateTimeOffset CreatedAt)
{
    /// <summary>Per-instance health-check settings; null uses the registry's defaults.</summary>
    public InstanceCheck? Check { get; init; }

    /// <summary>
    /// True while the registry keeps this unhealthy instance selectable because too many of the
    /// service's instances failed at once (panic mode).
    /// </summary>
    public bool Panic { get; init; }

    // Null when the instance has no tags: most have none, and a null costs neither an array per
    // instance in memory nor bytes in each push.
    private readonly string[]? _tags;

    /// <summary>The tags as stored (null when none), for the grain-call surrogate, which must not normalize again.</summary>
    internal string[]? TagArray
    {
        get => _tags;
        init => _tags = value;
    }

    /// <summary>
    /// The instance's tags, in the order given, duplicates dropped; empty (one shared array) when it has none.
    /// Syntax and count are checked by <see cref="Validation.RegistryValidator.ValidateInstance"/>.
    /// </summary>
    public IReadOnlyList<string> Tags
    {
        get => _tags ?? [];
        init => _tags = InstanceTags.Normalize(value);
    }

    /// <summary>The metadata key zone-aware picks (<c>select?near=</c>) compare with.</summary>
    public const string ZoneKey = "zone";

    /// <summary>Whether the instance carries <paramref name="tag"/> (case-sensitive).</summary>
    public bool HasTag(string tag) => _tags is { } tags && Array.IndexOf(tags, tag) >= 0;

    /// <summary>Set while an operator holds the instance out of rotation; null otherwise. Re-registration keeps it.</summary>
    public InstanceMaintenance? Maintenance { get; init; }

    /// <summary>The metadata key read by weighted round robin.</summary>
    public const string WeightKey = "weight";

    /// <summary>The instance's weight for weighted round robin (1 when absent).</summary>
    public int Weight => Metadata.TryGetValue(WeightKey, out var text) && Validation.InputText.TryParseDigits(text, out int weight) && weight > 0 ? weight : 1;

    /// <summary>Whether a balancer may hand this instance out (never while in maintenance).</summary>
    public bool IsSelectable => (Status == ServiceStatus.Healthy || Panic) && Maintenance is null;

    /// <summary>Whether <c>?healthy=true</c> answers and healthy counts include this instance: healthy and not in maintenance.</summary>
    public bool IsListedHealthy => Status == ServiceStatus.Healthy && Maintenance is null;
}
