namespace OrleansRegistry.TestSupport;

/// <summary>How to start the built silo program: where it is, which cluster it joins, and on what backend.</summary>
/// <param name="SiloDll">The built OrleansRegistry.Silo.dll.</param>
/// <param name="WorkingDirectory">The repository root (the silo finds its view and settings from there).</param>
/// <param name="ClusterId">Both the cluster id and the service id.</param>
public sealed record SiloLaunch(string SiloDll, string WorkingDirectory, string ClusterId)
{
    /// <summary>Azure Storage (clustering, grain state, reminders) at this connection string; null for the in-memory quick start.</summary>
    public string? AzureConnectionString { get; init; }

    /// <summary>Any backend (clustering, grain state, reminders); wins over <see cref="AzureConnectionString"/>.</summary>
    public SiloBackend? Backend { get; init; }

    /// <summary>Ports of an earlier run, for a restart; null picks free ones.</summary>
    public (int Http, int Silo, int Gateway)? Ports { get; init; }

    /// <summary>The scheme of the HTTP API's URL: <c>https</c> for a silo given a TLS certificate.</summary>
    public string Scheme { get; init; } = "http";

    /// <summary>More command-line settings, such as <c>--Registry:HealthCheck:Interval=00:00:01</c>.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
