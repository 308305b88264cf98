namespace OrleansRegistry.Contracts;

/// <summary>
/// <c>{"reason": "...", "since": "RFC 3339"}</c>: the body of <c>PUT .../maintenance</c> (only
/// <c>reason</c> is read, and it may be omitted) and the <c>maintenance</c> field of an instance.
/// </summary>
public sealed record MaintenanceDocument
{
    public string? Reason { get; init; }

    public DateTime? Since { get; init; }
}
