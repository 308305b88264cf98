using OrleansRegistry.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace OrleansRegistry.Tests.Processes;

/// <summary>Azurite plus N real silo processes on Azure Storage, as docker-compose runs them, on free loopback ports.</summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];

    private ProcessCluster(AzuriteProcess azurite, string clusterId)
    {
        Azurite = azurite;
        ClusterId = clusterId;
    }

    public AzuriteProcess Azurite { get; }

    public string ClusterId { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<ProcessCluster> StartAsync(int siloCount, params string[] siloArguments)
    {
        var azurite = await AzuriteProcess.StartNewAsync(RepositoryPaths.AzuriteScript, onDisk: true);
        var cluster = new ProcessCluster(azurite, $"t{Guid.NewGuid():N}"[..20]);
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
                AzureConnectionString = Azurite.ConnectionString,
                Ports = port,
                ExtraArguments = siloArguments,
            });
            started.Add(silo);
            _silos.Add(silo);
        }

        await Task.WhenAll(started.Select(silo => silo.WaitReadyAsync(Http)));
    }

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
        await Azurite.DisposeAsync();
        Http.Dispose();
    }
}
