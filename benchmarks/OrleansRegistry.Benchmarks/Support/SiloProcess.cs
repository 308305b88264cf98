using System.Globalization;

namespace OrleansRegistry.Benchmarks.Support;

/// <summary>The built silo program on free loopback ports, as an operator runs it.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SiloProcess(ChildProcess process, int httpPort, int gatewayPort, string clusterId)
    {
        _process = process;
        GatewayPort = gatewayPort;
        ClusterId = clusterId;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public Uri BaseAddress { get; }

    public int GatewayPort { get; }

    /// <summary>Both the cluster id and the service id.</summary>
    public string ClusterId { get; }

    /// <summary>Starts a silo with in-memory storage, or on Azure Storage when <paramref name="azureConnectionString"/> is given.</summary>
    public static async Task<SiloProcess> StartAsync(HttpClient http, string? azureConnectionString = null)
    {
        if (!File.Exists(RepositoryPaths.SiloDll))
        {
            throw new InvalidOperationException($"The silo is not built at {RepositoryPaths.SiloDll}");
        }

        int httpPort = FreePorts.Next(), siloPort = FreePorts.Next(), gatewayPort = FreePorts.Next();
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var arguments = new List<string>
        {
            RepositoryPaths.SiloDll,
            "--urls", $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Orleans:ClusterId={clusterId}",
            $"--Orleans:ServiceId={clusterId}",
            $"--Orleans:SiloPort={siloPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Orleans:GatewayPort={gatewayPort.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
        };
        if (azureConnectionString is not null)
        {
            arguments.AddRange([
                "--Orleans:Clustering=AzureStorage",
                "--Registry:Storage=AzureStorage",
                "--Orleans:AdvertisedIP=127.0.0.1",
                $"--Registry:AzureStorage:ConnectionString={azureConnectionString}",
            ]);
        }

        var silo = new SiloProcess(ChildProcess.Start("dotnet", arguments, RepositoryPaths.Root), httpPort, gatewayPort, clusterId);
        try
        {
            await Until.TrueAsync(
                async () =>
                {
                    if (silo._process.HasExited)
                    {
                        throw new InvalidOperationException($"The silo exited at start:\n{silo._process.Output}");
                    }

                    try
                    {
                        using var response = await http.GetAsync(new Uri(silo.BaseAddress, "/readyz"));
                        return response.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(90),
                "the silo to be ready");
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
