namespace OrleansRegistry.Health;

/// <summary>
/// The health-checking side of a service grain (same key, same activation as
/// <see cref="Grains.IServiceGrain"/>): probe results come in here, and the checker's view can be read.
/// </summary>
[Alias("registry.IServiceHealthGrain")]
public interface IServiceHealthGrain : IGrainWithStringKey
{
    /// <summary>Applies a finished probe round; a round the grain no longer waits for is ignored.</summary>
    [Alias("ReportRound")]
    Task ReportRoundAsync(Guid roundId, IReadOnlyList<ProbeResult> results);

    /// <summary>What the checker knows about each instance (why it has its status, its recent probes), and where it runs.</summary>
    [Alias("GetHealthReport")]
    Task<ServiceHealthReport> GetHealthReportAsync();
}
