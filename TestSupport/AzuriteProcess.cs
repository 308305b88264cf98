using System.Globalization;

namespace OrleansRegistry.TestSupport;

/// <summary>
/// The repository's pinned Azurite (npm) on free loopback ports. On disk it keeps its data in a
/// temporary folder, so it can be stopped and started again without losing it; in memory it leaves
/// nothing behind.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's published, well-known development account; not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _script;
    private readonly string? _dataDirectory;
    private readonly int[] _ports = FreePorts.Next(3);
    private ChildProcess? _process;

    private AzuriteProcess(string script, bool onDisk)
    {
        _script = script;
        _dataDirectory = onDisk ? Directory.CreateTempSubdirectory("azurite-").FullName : null;
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/{AccountName};QueueEndpoint=http://127.0.0.1:{_ports[1]}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/{AccountName};";

    public int TablePort => _ports[2];

    /// <summary>Starts Azurite from <paramref name="script"/> (node_modules/azurite/dist/src/azurite.js).</summary>
    /// <param name="onDisk">Keep data across <see cref="StopAsync"/> and <see cref="StartAsync()"/>; otherwise in memory.</param>
    public static async Task<AzuriteProcess> StartNewAsync(string script, bool onDisk)
    {
        var azurite = new AzuriteProcess(script, onDisk);
        try
        {
            await azurite.StartAsync();
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    /// <summary>Starts (or starts again) on the same ports and data.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(_script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {_script}; run `npm ci` in the repository root.");
        }

        string Port(int i) => _ports[i].ToString(CultureInfo.InvariantCulture);
        var process = ChildProcess.Start("node", [
            _script,
            "--blobHost", "127.0.0.1", "--blobPort", Port(0),
            "--queueHost", "127.0.0.1", "--queuePort", Port(1),
            "--tableHost", "127.0.0.1", "--tablePort", Port(2),
            .. _dataDirectory is null ? ["--inMemoryPersistence"] : new[] { "--location", _dataDirectory },
            "--disableTelemetry", "--skipApiVersionCheck", "--silent",
        ]);
        _process = process;
        await Eventually.TrueAsync(
            () => Task.FromResult(FreePorts.IsListening(_ports[2]) || process.HasExited),
            TimeSpan.FromSeconds(30),
            "Azurite to listen on its table port");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"Azurite exited at start:\n{process.Output}");
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
        if (_dataDirectory is null)
        {
            return;
        }

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
