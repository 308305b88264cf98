using OrleansRegistry.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace OrleansRegistry.Tests.Processes;

/// <summary>
/// A backend server (Azurite by default, or Redis or PostgreSQL) plus N real silo processes on it,
/// as docker-compose runs them, on free loopback ports.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly IAsyncDisposable _server;

    private ProcessCluster(IAsyncDisposable server, SiloBackend backend, string clusterId)
    {
        _server = server;
        Backend = backend;
        ClusterId = clusterId;
    }

    /// <summary>The Azurite of a cluster on <see cref="ClusterBackend.AzureStorage"/>.</summary>
    public AzuriteProcess Azurite => _server as AzuriteProcess ?? throw new InvalidOperationException($"this cluster runs on {Backend.Clustering}, not Azurite");

    public SiloBackend Backend { get; }

    public string ClusterId { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static Task<ProcessCluster> StartAsync(int siloCount, params string[] siloArguments) =>
        StartAsync(ClusterBackend.AzureStorage, siloCount, siloArguments);

    public static async Task<ProcessCluster> StartAsync(ClusterBackend backend, int siloCount, params string[] siloArguments)
    {
        var (server, launch) = await StartServerAsync(backend);
        var cluster = new ProcessCluster(server, launch, $"t{Guid.NewGuid():N}"[..20]);
        try
        {
            await cluster.StartSilosAsync(Enumerable.Repeat<(int, int, int)?>(null, siloCount), siloArguments);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts silos (on the given ports, for a restart) and waits until each is ready.</summary>
    public async Task StartSilosAsync(IEnumerable<(int Http, int Silo, int Gateway)?> ports, params string[] siloArguments)
    {
        var started = new List<SiloProcess>();
        foreach (var port in ports)
        {
            var silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, ClusterId)
            {
                Backend = Backend,
                Ports = port,
                ExtraArguments = siloArguments,
            });
            started.Add(silo);
            _silos.Add(silo);
        }

        await Task.WhenAll(started.Select(silo => silo.WaitReadyAsync(Http)));
    }

    /// <summary>Stops the backend server for good (an outage with no return) and leaves the silos running.</summary>
    public ValueTask StopServerAsync() => _server.DisposeAsync();

    public async Task StopAllSilosAsync()
    {
        await Task.WhenAll(_silos.Select(silo => silo.TerminateAsync()));
        _silos.Clear();
    }

    /// <summary>An Orleans client connected to every silo's gateway, for what HTTP does not show (grain placement).</summary>
    public async Task<IHost> ConnectClientAsync(params SiloProcess[] through)
    {
        var gateways = (through.Length > 0 ? through : _silos.Where(s => !s.HasExited))
            .Select(s => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, s.GatewayPort))
            .ToArray();
        var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client =>
            {
                client.UseStaticClustering(gateways);
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = ClusterId;
                    options.ServiceId = ClusterId;
                });
            })
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(timeout.Token);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_silos.Select(silo => silo.DisposeAsync().AsTask()));
        await _server.DisposeAsync();
        Http.Dispose();
    }

    private static async Task<(IAsyncDisposable Server, SiloBackend Backend)> StartServerAsync(ClusterBackend backend)
    {
        switch (backend)
        {
            case ClusterBackend.Redis:
                var redis = await RedisProcess.StartNewAsync();
                return (redis, SiloBackend.Redis(redis.ConnectionString));
            case ClusterBackend.PostgreSql:
                var postgres = await PostgresProcess.StartNewAsync();
                return (postgres, SiloBackend.PostgreSql(postgres.ConnectionString));
            default:
                var azurite = await AzuriteProcess.StartNewAsync(RepositoryPaths.AzuriteScript, onDisk: true);
                return (azurite, SiloBackend.AzureStorage(azurite.ConnectionString));
        }
    }
}
