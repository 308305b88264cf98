using System.Globalization;

namespace OrleansRegistry.TestSupport;

/// <summary>A real silo process (the built Silo program) on loopback ports, as an operator runs it.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const string DnsPortArgument = "--Registry:Dns:Port=";

    private readonly ChildProcess _process;

    private SiloProcess(ChildProcess process, (int Http, int Silo, int Gateway) ports, int dnsPort, string clusterId, string scheme)
    {
        _process = process;
        Ports = ports;
        DnsPort = dnsPort;
        ClusterId = clusterId;
        BaseAddress = new Uri($"{scheme}://127.0.0.1:{ports.Http}");
    }

    public (int Http, int Silo, int Gateway) Ports { get; }

    public int HttpPort => Ports.Http;

    public int SiloPort => Ports.Silo;

    public int GatewayPort => Ports.Gateway;

    /// <summary>Where the silo answers DNS (UDP and TCP); 0 when the launch turned DNS off.</summary>
    public int DnsPort { get; }

    public Uri BaseAddress { get; }

    /// <summary>Both the cluster id and the service id.</summary>
    public string ClusterId { get; }

    public string Output => _process.Output;

    /// <summary>The process id, to read the silo's CPU time.</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the silo; <see cref="WaitReadyAsync"/> tells when it serves.</summary>
    public static SiloProcess Start(SiloLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (!File.Exists(launch.SiloDll))
        {
            throw new InvalidOperationException($"The silo is not built at {launch.SiloDll}");
        }

        var ports = launch.Ports ?? PickPorts();
        var arguments = new List<string>
        {
            launch.SiloDll,
            "--urls", $"{launch.Scheme}://127.0.0.1:{ports.Http.ToString(CultureInfo.InvariantCulture)}",
            $"--Orleans:ClusterId={launch.ClusterId}",
            $"--Orleans:ServiceId={launch.ClusterId}",
            $"--Orleans:SiloPort={ports.Silo.ToString(CultureInfo.InvariantCulture)}",
            $"--Orleans:GatewayPort={ports.Gateway.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
        };
        var backend = launch.Backend ?? (launch.AzureConnectionString is { } connectionString ? SiloBackend.AzureStorage(connectionString) : null);
        if (backend is not null)
        {
            arguments.AddRange(backend.Arguments);
        }

        // Every silo answers DNS, by default on 8600: silos on one machine each need their own port.
        var dnsSetting = launch.ExtraArguments.LastOrDefault(argument => argument.StartsWith(DnsPortArgument, StringComparison.OrdinalIgnoreCase));
        var dnsPort = dnsSetting is null ? FreePorts.Next() : int.Parse(dnsSetting[DnsPortArgument.Length..], CultureInfo.InvariantCulture);
        if (dnsSetting is null)
        {
            arguments.Add(DnsPortArgument + dnsPort.ToString(CultureInfo.InvariantCulture));
        }

        arguments.AddRange(launch.ExtraArguments);
        return new SiloProcess(ChildProcess.Start("dotnet", arguments, launch.WorkingDirectory), ports, dnsPort, launch.ClusterId, launch.Scheme);
    }

    /// <summary>Waits until the silo answers <paramref name="path"/> with a success status; fails at once if it exits.</summary>
    public async Task WaitReadyAsync(HttpClient http, string path = "/readyz", TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(http);
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

    private static (int, int, int) PickPorts()
    {
        var ports = FreePorts.Next(3);
        return (ports[0], ports[1], ports[2]);
    }
}
