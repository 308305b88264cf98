namespace OrleansRegistry.Model;

/// <summary>How the registry checks one instance, overriding the silo-wide health-check settings.</summary>
/// <param name="Ttl">When set, the instance must heartbeat at least this often or it turns unhealthy.</param>
/// <param name="Tcp">When true (and no health URL is given), the registry probes by opening a TCP connection to host:port.</param>
/// <param name="FailuresBeforeUnhealthy">Consecutive failed probes before the instance is unhealthy.</param>
/// <param name="SuccessesBeforeHealthy">Consecutive passed probes before it is healthy again.</param>
/// <param name="DeregisterAfter">How long the instance may stay unhealthy before it is removed (overrides Registry:HealthCheck:DeregisterAfter).</param>
public sealed record InstanceCheck(
    TimeSpan? Ttl = null,
    bool Tcp = false,
    int? FailuresBeforeUnhealthy = null,
    int? SuccessesBeforeHealthy = null,
    TimeSpan? DeregisterAfter = null);
