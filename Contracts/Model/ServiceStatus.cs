namespace OrleansRegistry.Model;

/// <summary>The health of one service instance as the registry sees it.</summary>
public enum ServiceStatus
{
    Healthy = 0,
    Unhealthy = 1,
    Starting = 2,
    Stopping = 3,
}
