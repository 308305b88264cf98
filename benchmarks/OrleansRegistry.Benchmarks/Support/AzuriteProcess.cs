using System.Globalization;

namespace OrleansRegistry.Benchmarks.Support;

/// <summary>The repository's pinned Azurite on free loopback ports, in memory (nothing left on disk).</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's published, well-known development account; not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly int[] _ports = [FreePorts.Next(), FreePorts.Next(), FreePorts.Next()];
    private ChildProcess? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/{AccountName};QueueEndpoint=http://127.0.0.1:{_ports[1]}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/{AccountName};";

    public static async Task<AzuriteProcess> StartAsync()
    {
        if (!File.Exists(RepositoryPaths.AzuriteScript))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepositoryPaths.AzuriteScript}; run `npm ci` in the repository root.");
        }

        var azurite = new AzuriteProcess();
        string Port(int i) => azurite._ports[i].ToString(CultureInfo.InvariantCulture);
        azurite._process = ChildProcess.Start("node", [
            RepositoryPaths.AzuriteScript,
            "--blobHost", "127.0.0.1", "--blobPort", Port(0),
            "--queueHost", "127.0.0.1", "--queuePort", Port(1),
            "--tableHost", "127.0.0.1", "--tablePort", Port(2),
            "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent",
        ]);
        await Until.TrueAsync(
            () => Task.FromResult(FreePorts.IsListening(azurite._ports[2]) || azurite._process.HasExited),
            TimeSpan.FromSeconds(30),
            "Azurite to listen on its table port");
        if (azurite._process.HasExited)
        {
            throw new InvalidOperationException($"Azurite exited at start:\n{azurite._process.Output}");
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
