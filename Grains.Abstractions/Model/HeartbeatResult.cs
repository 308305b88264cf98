namespace OrleansRegistry.Model;

/// <summary>What a heartbeat found.</summary>
[GenerateSerializer, Alias("registry.HeartbeatResult")]
public enum HeartbeatResult
{
    Renewed = 0,
    NotRegistered = 1,
}
