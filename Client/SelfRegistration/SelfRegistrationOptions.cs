namespace OrleansRegistry.Client.SelfRegistration;

/// <summary>How an ASP.NET Core service registers itself (section <c>Registry:SelfRegistration</c>).</summary>
public sealed class SelfRegistrationOptions
{
    public const string SectionName = "Registry:SelfRegistration";

    /// <summary>The service this process is an instance of (required).</summary>
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>Instance id; by default <c>{host}-{port}</c> made into a valid id.</summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// The host callers reach this instance at. By default the host the server is bound to, or the
    /// machine's name when it is bound to every address (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>).
    /// </summary>
    public string? Host { get; set; }

    /// <summary>The port callers reach this instance at; by default the server's first bound port.</summary>
    public int? Port { get; set; }

    /// <summary><c>http</c> or <c>https</c>; by default the scheme of the bound address used.</summary>
    public string? Scheme { get; set; }

    /// <summary>Path the registry probes (for example <c>/health</c>); null for no HTTP health check.</summary>
    public string? HealthCheckPath { get; set; }

    /// <summary>When set, the registry marks the instance unhealthy if no heartbeat arrives within it.</summary>
    public TimeSpan? Ttl { get; set; }

    /// <summary>Time between heartbeats; shorter than <see cref="Ttl"/> when that is set.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before trying again after the registry could not be reached.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Limit for one registry call, the deregistration at shutdown included.</summary>
    public TimeSpan RegistryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the service keeps serving after it deregistered at shutdown, so callers that picked
    /// it just before finish and caches learn of its removal. Keep it below the host's shutdown timeout.
    /// </summary>
    public TimeSpan DrainPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// At shutdown, put the instance into maintenance for the drain period and deregister after it,
    /// instead of deregistering first: callers stop picking it at once while it stays listed (with
    /// the reason "draining") until it is gone.
    /// </summary>
    public bool MaintenanceBeforeDrain { get; set; }

    /// <summary>Instance metadata (<c>weight</c>, <c>zone</c>, ...).</summary>
    public Dictionary<string, string> Metadata { get; set; } = new(StringComparer.Ordinal);
}
