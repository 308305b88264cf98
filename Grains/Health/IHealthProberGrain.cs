namespace OrleansRegistry.Health;

/// <summary>
/// Runs probe rounds away from the service grain, so that a slow backend never holds the service
/// grain's turn. A stateless worker: each silo probes for the service grains it hosts. Use key 0.
/// </summary>
[Alias("registry.IHealthProberGrain")]
public interface IHealthProberGrain : IGrainWithIntegerKey
{
    /// <summary>Starts the round and returns at once; the results arrive through <see cref="IServiceHealthGrain.ReportRoundAsync"/>.</summary>
    [OneWay]
    [Alias("Probe")]
    Task ProbeAsync(ProbeRequest request);
}
