using System.Globalization;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Processes;

/// <summary>A real silo process (the built Silo program) in Azure Storage mode on free loopback ports.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SiloProcess(ChildProcess process, int httpPort, int siloPort, int gatewayPort)
    {
        _process = process;
        HttpPort = httpPort;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress { get; }

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a silo; <paramref name="ports"/> reuses the ports of an earlier run (a restart).</summary>
    public static SiloProcess Start(string clusterId, string connectionString, (int Http, int Silo, int Gateway)? ports = null, params string[] extraArguments)
    {
        var (http, silo, gateway) = ports ?? Pick();
        var arguments = new List<string>
        {
            RepositoryPaths.SiloDll,
            "--urls", $"http://127.0.0.1:{http}",
            "--Orleans:Clustering=AzureStorage",
            "--Registry:Storage=AzureStorage",
            $"--Orleans:ClusterId={clusterId}",
            $"--Orleans:ServiceId={clusterId}",
            "--Orleans:AdvertisedIP=127.0.0.1",
            $"--Orleans:SiloPort={silo.ToString(CultureInfo.InvariantCulture)}",
            $"--Orleans:GatewayPort={gateway.ToString(CultureInfo.InvariantCulture)}",
            $"--Registry:AzureStorage:ConnectionString={connectionString}",
            "--Logging:LogLevel:Default=Warning",
        };
        arguments.AddRange(extraArguments);
        return new SiloProcess(ChildProcess.Start("dotnet", arguments, RepositoryPaths.Root), http, silo, gateway);
    }

    public (int Http, int Silo, int Gateway) Ports => (HttpPort, SiloPort, GatewayPort);

    /// <summary>Waits until the silo answers <paramref name="path"/> with a success status.</summary>
    public async Task WaitReadyAsync(HttpClient http, string path = "/readyz", TimeSpan? deadline = null)
    {
        await Eventually.TrueAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Silo on port {HttpPort} exited:\n{_process.Output}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri(BaseAddress, path));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            deadline ?? TimeSpan.FromSeconds(90),
            $"silo on port {HttpPort} to answer {path}");
    }

    public Task KillAsync() => _process.KillAsync();

    /// <summary>Sends a signal such as STOP (hang the process) or CONT.</summary>
    public Task SignalAsync(string signal) => _process.SignalAsync(signal);

    public Task TerminateAsync() => _process.TerminateAsync(TimeSpan.FromSeconds(30));

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static (int, int, int) Pick()
    {
        var ports = FreePorts.Next(3);
        return (ports[0], ports[1], ports[2]);
    }
}
