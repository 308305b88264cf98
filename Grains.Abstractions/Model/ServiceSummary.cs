namespace OrleansRegistry.Model;

/// <summary>A service's name with its instance counts, for listings.</summary>
[GenerateSerializer, Immutable, Alias("registry.ServiceSummary")]
public sealed record ServiceSummary(
    [property: Id(0)] string Name,
    [property: Id(1)] int Instances,
    [property: Id(2)] int Healthy)
{
    /// <summary>The service's change index when the counts were taken.</summary>
    [Id(3)]
    public long Index { get; init; }
}
