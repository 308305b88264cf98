using OrleansRegistry.Model;

namespace OrleansRegistry.Health;

/// <summary>One status change the checker decided, with its reason, for the log.</summary>
internal sealed record StatusChange(string InstanceId, ServiceStatus From, ServiceStatus To, string Reason);
