namespace OrleansRegistry.Model;

/// <summary>A service's name with its instance counts, for listings.</summary>
public sealed record ServiceSummary(
    string Name,
    int Instances,
    int Healthy)
{
    /// <summary>The service's change index when the counts were taken.</summary>
    public long Index { get; init; }
}
