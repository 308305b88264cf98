using OrleansRegistry.Model;

namespace OrleansRegistry.Health;

/// <summary>Why an instance has <see cref="Status"/>, since <see cref="Since"/>; it explains only that status.</summary>
internal sealed record StatusReason(ServiceStatus Status, string Text, DateTimeOffset Since);
