using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansRegistry.Hosting;
using OrleansRegistry.Options;
using OrleansRegistry.Storage;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// A one-silo cluster whose real gateway the CLI processes connect to. One silo keeps the
/// balancer's state in one place, so a sequence of CLI picks is deterministic.
/// </summary>
public sealed class CliClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory GrainFactory => Cluster.GrainFactory;

    /// <summary>The silo's client gateway, as <c>host:port</c>.</summary>
    public string Gateway { get; private set; } = string.Empty;

    public string ClusterId => Cluster.Options.ClusterId;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);

        // Test clusters talk in memory by default; a CLI in another process needs a real socket.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<CliSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        var endpoint = Cluster.Primary?.GatewayAddress?.Endpoint ?? throw new InvalidOperationException("the test silo has no gateway");
        Gateway = string.Create(CultureInfo.InvariantCulture, $"{endpoint.Address}:{endpoint.Port}");
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Runs the CLI against this cluster's gateway.</summary>
    public Task<CliResult> RunAsync(params string[] args) =>
        CliRunner.RunAsync(["--gateway", Gateway, "--cluster-id", ClusterId, .. args]);

    private sealed class CliSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(RegistryStorage.Name);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Services.AddRegistryGrains();

            // Leases opened by a test stay open for its whole run, however slow the machine.
            siloBuilder.Services.Configure<BalancerOptions>(options => options.LeaseDuration = TimeSpan.FromMinutes(5));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CliClusterCollection : ICollectionFixture<CliClusterFixture>
{
    public const string Name = "cli cluster";
}
