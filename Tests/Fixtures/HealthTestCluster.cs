using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;
using OrleansRegistry.Caching;
using OrleansRegistry.Health;
using OrleansRegistry.Hosting;
using OrleansRegistry.Options;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// A dedicated in-process cluster for health-check tests: chosen health options, grain state and
/// reminders kept outside the silos (so a killed silo loses nothing), optionally a fake clock for
/// the grains (background areas stay on real time) and a custom resolver for probes.
/// </summary>
public sealed class HealthTestCluster : IAsyncDisposable
{
    private HealthTestCluster(InProcessTestCluster cluster, SharedGrainStore store, SharedReminderTable reminders, FakeTimeProvider? clock)
    {
        Cluster = cluster;
        Store = store;
        Reminders = reminders;
        Clock = clock;
    }

    public InProcessTestCluster Cluster { get; }

    public SharedGrainStore Store { get; }

    public SharedReminderTable Reminders { get; }

    public FakeTimeProvider? Clock { get; }

    public IGrainFactory GrainFactory => Cluster.Client;

    public IReadOnlyList<InProcessSiloHandle> Silos => Cluster.Silos;

    public static async Task<HealthTestCluster> StartAsync(
        short silos,
        Action<HealthCheckOptions> configure,
        FakeTimeProvider? clock = null,
        ProbeAddressGuard? guard = null)
    {
        var store = new SharedGrainStore();
        var reminders = new SharedReminderTable();
        var options = new HealthCheckOptions();
        configure(options);

        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable>(reminders);
            silo.Services.AddGrainStorage(RegistryStorage.Name, (services, _) => new SharedGrainStorage(store, services.GetRequiredService<Serializer>()));

            // As the silo host does: the keep-alive reminder fires every interval.
            silo.Configure<ReminderOptions>(reminder => reminder.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(reminder.MinimumReminderPeriod.Ticks, options.Interval.Ticks)));
            silo.Services.Configure(configure);
            if (clock is not null)
            {
                silo.Services.AddSingleton<TimeProvider>(clock);
                silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            }

            if (guard is not null)
            {
                silo.Services.AddSingleton(guard);
            }

            silo.Services.AddRegistryGrains();
        });

        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new HealthTestCluster(cluster, store, reminders, clock);
    }

    /// <summary>The silo whose runtime identity is <paramref name="identity"/>.</summary>
    public InProcessSiloHandle SiloOf(string identity) =>
        Silos.Single(silo => silo.SiloHost.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString() == identity);

    public static IGrainFactory GrainFactoryOf(InProcessSiloHandle silo) => silo.SiloHost.Services.GetRequiredService<IGrainFactory>();

    public static SiloServiceCache CacheOf(InProcessSiloHandle silo) => silo.SiloHost.Services.GetRequiredService<SiloServiceCache>();

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
