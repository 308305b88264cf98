using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansRegistry.Hosting;
using OrleansRegistry.Options;
using OrleansRegistry.Silo.Http;

namespace OrleansRegistry.Silo.Hosting;

public static class RegistrySiloHostingExtensions
{
    private const string DefaultUrls = "http://localhost:8080";

    /// <summary>
    /// Hosts the registry's silo in this web application, configured from the operator keys. A bad
    /// value of a key the build needs throws <see cref="OptionsValidationException"/> here; the other
    /// keys are bound and validated when the host starts. Either way the message names the key.
    /// </summary>
    public static WebApplicationBuilder AddRegistrySilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var silo = BuildTimeOptions.Bind<SiloOptions, SiloOptionsValidator>(builder.Configuration, SiloOptions.SectionName);
        var registry = BuildTimeOptions.Bind<RegistryOptions, RegistryOptionsValidator>(builder.Configuration, RegistryOptions.SectionName);
        BackendChoiceValidator.ThrowIfInvalid(silo, registry, builder.Configuration);
        builder.AddRegistryTls();
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        // Orleans reads its own "Orleans" section too, and would take our "Orleans:Clustering" value
        // for a provider section of its own; hide it from Orleans once we have bound it.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{SiloOptions.SectionName}:{nameof(SiloOptions.Clustering)}"] = null });
        builder.Services.AddRegistryGrains();
        builder.Services.AddRegistryHttpApi();
        builder.Services.AddRegistryApiKeys();
        builder.Services.AddRegistryProbes();
        builder.UseOrleans(orleans => orleans.ConfigureRegistrySilo(silo, registry).AddRegistryDashboard().AddActivityPropagation());
        return builder;
    }

    /// <summary>Clustering, storage, reminders and endpoints for one registry silo.</summary>
    public static ISiloBuilder ConfigureRegistrySilo(this ISiloBuilder silo, SiloOptions options, RegistryOptions registry)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });

        if (BackendChoiceValidator.UsesAdoNet(options, registry))
        {
            var postgres = registry.AdoNet.ConnectionString!;
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => new PostgreSqlSchema(postgres, services.GetRequiredService<ILogger<PostgreSqlSchema>>()));
        }

        silo.UseRegistryClustering(options, registry);

        // Each checked service holds a reminder that fires every health-check interval, so that
        // after a silo is lost its services are probed again within one interval.
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<HealthCheckOptions>>((reminders, health) =>
        {
            if (reminders.MinimumReminderPeriod > health.Value.Interval)
            {
                reminders.MinimumReminderPeriod = health.Value.Interval;
            }
        });

        silo.AddRegistryStorage(registry);
        return silo;
    }
}
