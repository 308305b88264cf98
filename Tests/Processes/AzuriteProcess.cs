using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Processes;

/// <summary>
/// Azurite (from the repository's pinned npm package) on free loopback ports, keeping its data in
/// a temporary folder so that it can be stopped and started again without losing it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's published, well-known development account; not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
    private readonly int[] _ports = FreePorts.Next(3);
    private ChildProcess? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/{AccountName};QueueEndpoint=http://127.0.0.1:{_ports[1]}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/{AccountName};";

    public int TablePort => _ports[2];

    public static async Task<AzuriteProcess> StartNewAsync()
    {
        var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        return azurite;
    }

    public async Task StartAsync()
    {
        if (!File.Exists(RepositoryPaths.AzuriteScript))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepositoryPaths.AzuriteScript}; run `npm ci` in the repository root.");
        }

        _process = ChildProcess.Start("node", [
            RepositoryPaths.AzuriteScript,
            "--blobHost", "127.0.0.1", "--blobPort", _ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", _ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", _ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", _dataDirectory, "--disableTelemetry", "--skipApiVersionCheck", "--silent",
        ]);
        await Eventually.TrueAsync(
            () => Task.FromResult(FreePorts.IsListening(_ports[2]) || _process.HasExited),
            TimeSpan.FromSeconds(30),
            "Azurite to listen on its table port");
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"Azurite exited at start:\n{_process.Output}");
        }
    }

    /// <summary>Stops Azurite the way an operator would (SIGTERM), so it flushes its data before it exits.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.TerminateAsync(TimeSpan.FromSeconds(10));
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
