namespace OrleansRegistry.Model;

/// <summary>
/// Why and since when an instance is out of rotation: it stays registered and probed and keeps
/// its status, but no pick, healthy listing or DNS answer includes it.
/// </summary>
/// <param name="Reason">What the operator gave (at most <see cref="Validation.RegistryLimits.MaxMaintenanceReasonLength"/> characters; may be empty).</param>
/// <param name="Since">When the instance entered maintenance; a new reason does not move it.</param>
public sealed record InstanceMaintenance(
    string Reason,
    DateTimeOffset Since);
