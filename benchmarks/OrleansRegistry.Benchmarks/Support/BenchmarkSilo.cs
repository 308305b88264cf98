namespace OrleansRegistry.Benchmarks.Support;

/// <summary>
/// The built silo program as the benchmarks run it: started in its own folder, so with the shipped
/// appsettings.json as <c>dotnet run --project Silo</c> has it; its own cluster; ready to serve when returned.
/// </summary>
internal static class BenchmarkSilo
{
    /// <summary>
    /// Health checks every second, as the probe figure needs; the other figures register no health
    /// check, so for them no check timer ever runs and the setting changes nothing.
    /// </summary>
    private static readonly string[] ProbeInterval = ["--Registry:HealthCheck:Interval=00:00:01", "--Registry:HealthCheck:Timeout=00:00:01"];

    /// <summary>Starts a silo with in-memory storage, or on Azure Storage when <paramref name="azureConnectionString"/> is given.</summary>
    public static async Task<SiloProcess> StartAsync(HttpClient http, string? azureConnectionString = null)
    {
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, Path.GetDirectoryName(RepositoryPaths.SiloDll)!, clusterId)
        {
            AzureConnectionString = azureConnectionString,
            ExtraArguments = ProbeInterval,
        });
        try
        {
            await silo.WaitReadyAsync(http);
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }
}
