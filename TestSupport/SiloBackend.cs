namespace OrleansRegistry.TestSupport;

/// <summary>Where a silo process keeps membership, grain state and reminders: one backend for all three, as an operator sets it.</summary>
/// <param name="Clustering">The value of <c>Orleans:Clustering</c> (and of <c>Registry:Storage</c>).</param>
/// <param name="ConnectionStringKey">The key that holds <paramref name="ConnectionString"/>.</param>
public sealed record SiloBackend(string Clustering, string ConnectionStringKey, string ConnectionString)
{
    public static SiloBackend AzureStorage(string connectionString) => new("AzureStorage", "Registry:AzureStorage:ConnectionString", connectionString);

    public static SiloBackend Redis(string connectionString) => new("Redis", "Registry:Redis:ConnectionString", connectionString);

    public static SiloBackend PostgreSql(string connectionString) => new("AdoNet", "Registry:AdoNet:ConnectionString", connectionString);

    /// <summary>The command-line settings that put a silo on this backend, reachable at loopback.</summary>
    public IReadOnlyList<string> Arguments =>
    [
        $"--Orleans:Clustering={Clustering}",
        $"--Registry:Storage={Clustering}",
        "--Orleans:AdvertisedIP=127.0.0.1",
        $"--{ConnectionStringKey}={ConnectionString}",
    ];
}
