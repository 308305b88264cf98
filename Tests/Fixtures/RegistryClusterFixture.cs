using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansRegistry.Caching;
using OrleansRegistry.Hosting;
using OrleansRegistry.Options;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>One two-silo cluster shared by the grain tests (in-memory storage and reminders).</summary>
public sealed class RegistryClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory GrainFactory => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.AddSiloBuilderConfigurator<RegistrySiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Each silo's own grain factory: a stateless worker called through it runs on that silo.</summary>
    public IReadOnlyList<IGrainFactory> SiloGrainFactories =>
        Cluster.Silos.Cast<InProcessSiloHandle>().Select(silo => silo.SiloHost.Services.GetRequiredService<IGrainFactory>()).ToArray();

    /// <summary>Each silo's serving gate: a pause it saw makes its copies load again.</summary>
    public IReadOnlyList<SiloServingGate> SiloGates =>
        Cluster.Silos.Cast<InProcessSiloHandle>().Select(silo => silo.SiloHost.Services.GetRequiredService<SiloServingGate>()).ToArray();

    public IReadOnlyList<SiloServiceCache> SiloCaches =>
        Cluster.Silos.Cast<InProcessSiloHandle>().Select(silo => silo.SiloHost.Services.GetRequiredService<SiloServiceCache>()).ToArray();

    private sealed class RegistrySiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(RegistryStorage.Name);
            siloBuilder.UseInMemoryReminderService();

            // Checks as a silo runs them by default, with the reminder period lowered to the interval as the silo host does.
            var health = new HealthCheckOptions();
            siloBuilder.Services.Configure<HealthCheckOptions>(options => options.Interval = health.Interval);
            siloBuilder.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = health.Interval);
            siloBuilder.Services.AddRegistryGrains();
            siloBuilder.AddIncomingGrainCallFilter<SnapshotLoadCounter>();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryClusterCollection : ICollectionFixture<RegistryClusterFixture>
{
    public const string Name = "registry cluster";
}
