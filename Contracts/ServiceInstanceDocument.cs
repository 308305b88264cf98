namespace OrleansRegistry.Contracts;

/// <summary>
/// <c>ServiceInstance</c> as it travels over HTTP (snake_case). Field for field the fleet's Go
/// struct, plus the optional <c>check</c>, <c>panic</c> and <c>tags</c>. On input every field is optional so
/// that a missing one is reported by name rather than as a parse failure.
/// </summary>
public sealed record ServiceInstanceDocument
{
    public string? Id { get; init; }

    public string? ServiceName { get; init; }

    public string? Host { get; init; }

    public int? Port { get; init; }

    public string? Status { get; init; }

    public Dictionary<string, string>? Metadata { get; init; }

    public string? HealthCheckUrl { get; init; }

    public DateTime? LastHeartbeat { get; init; }

    public DateTime? CreatedAt { get; init; }

    public InstanceCheckDocument? Check { get; init; }

    /// <summary>Present (true) only while the instance is kept selectable by the panic guard.</summary>
    public bool? Panic { get; init; }

    /// <summary>Omitted when the instance has none; duplicates are dropped on input, order is kept.</summary>
    public List<string?>? Tags { get; init; }

    /// <summary>Present only while the instance is in maintenance; ignored on input (see the maintenance endpoints).</summary>
    public MaintenanceDocument? Maintenance { get; init; }
}
