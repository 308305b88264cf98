namespace OrleansRegistry.Options;

/// <summary>Health-check settings (section <c>Registry:HealthCheck</c>); instances may override the thresholds.</summary>
public sealed class HealthCheckOptions
{
    public const string SectionName = "Registry:HealthCheck";

    /// <summary>Time between probes of one instance.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One probe's time limit.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public int FailuresBeforeUnhealthy { get; set; } = 2;

    public int SuccessesBeforeHealthy { get; set; } = 1;

    /// <summary>An instance unhealthy this long is removed (at least one minute).</summary>
    public TimeSpan DeregisterAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Hosts a health URL may point at besides the instance's own; <c>*</c> allows any.</summary>
    public IReadOnlyList<string> AllowedHosts { get; set; } = [];

    /// <summary>How many probes of one service may run at once.</summary>
    public int MaxConcurrentProbes { get; set; } = 16;
}
