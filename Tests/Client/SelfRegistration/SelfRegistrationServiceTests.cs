using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Client.Orleans;
using OrleansRegistry.Client.SelfRegistration;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.SelfRegistration;

[Collection(RegistryClientCollection.Name)]
public sealed class SelfRegistrationServiceTests(RegistryHttpFixture fixture)
{
    // Long enough that the deregistration at shutdown is seen well inside it on a loaded machine.
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task Lifecycle_StartHeartbeatForgetStop_RegistersRenewsReregistersDeregistersThenDrains(ClientTransport transport)
    {
        var name = Instances.UniqueService("self");
        var port = FreePorts.Next();
        var app = BuildApp(transport, port, options =>
        {
            options.ServiceName = name;
            options.HealthCheckPath = "/health";
            options.Ttl = TimeSpan.FromSeconds(3);
            options.HeartbeatInterval = TimeSpan.FromMilliseconds(100);
            options.DrainPeriod = Drain;
            options.Metadata["zone"] = "z1";
        });
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await using (app)
        {
            await app.StartAsync();

            // Registered once the server listens, at the address it is bound to.
            var registered = await app.Services.GetRequiredService<SelfRegistrationService>().Registered.WaitAsync(TimeSpan.FromSeconds(5));
            var stored = Assert.Single(await service.GetInstancesAsync());
            Assert.Equal(registered.Id, stored.Id);
            Assert.Equal($"127.0.0.1-{port}", stored.Id);
            Assert.Equal(("127.0.0.1", port), (stored.Host, stored.Port));
            Assert.Equal($"http://127.0.0.1:{port}/health", stored.HealthCheckUrl);
            Assert.Equal(TimeSpan.FromSeconds(3), stored.Check?.Ttl);
            Assert.Equal("z1", stored.Metadata["zone"]);

            // Heartbeats renew it.
            await Eventually.TrueAsync(
                async () => (await service.GetInstanceAsync(stored.Id))!.LastHeartbeat > stored.LastHeartbeat,
                TimeSpan.FromSeconds(5),
                "a heartbeat to renew the instance");

            // Forgotten by the registry, it registers again at the next heartbeat.
            await service.DeregisterAsync(stored.Id);
            await Eventually.TrueAsync(
                async () => await service.GetInstanceAsync(stored.Id) is not null,
                TimeSpan.FromSeconds(5),
                "the instance to register again after the registry forgot it");

            // Shutdown: deregistered first, still serving during the drain, stopped after it.
            var clock = Stopwatch.StartNew();
            var stopping = app.StopAsync();
            await Eventually.TrueAsync(
                async () => await service.GetInstanceAsync(stored.Id) is null,
                TimeSpan.FromSeconds(2),
                "the instance to be deregistered as shutdown begins");
            Assert.False(stopping.IsCompleted, "the host stopped before draining");
            Assert.Equal("pong", await http.GetStringAsync(new Uri("/ping", UriKind.Relative)));

            await stopping.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(clock.Elapsed >= Drain, $"the host stopped after {clock.Elapsed}, before the {Drain} drain");
            Assert.Null(await service.GetInstanceAsync(stored.Id));
        }
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task StartedAsync_HostPortAndIdConfigured_RegistersThemWithoutHealthUrl(ClientTransport transport)
    {
        var name = Instances.UniqueService("self-fixed");
        var app = BuildApp(transport, FreePorts.Next(), options =>
        {
            options.ServiceName = name;
            options.InstanceId = "node-7";
            options.Host = "users.internal";
            options.Port = 9443;
            options.Scheme = "https";
            options.DrainPeriod = TimeSpan.Zero;
        });
        await using (app)
        {
            await app.StartAsync();
            await app.Services.GetRequiredService<SelfRegistrationService>().Registered.WaitAsync(TimeSpan.FromSeconds(5));

            var stored = Assert.Single(await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstancesAsync());
            Assert.Equal(("node-7", "users.internal", 9443), (stored.Id, stored.Host, stored.Port));
            Assert.Null(stored.HealthCheckUrl);
            Assert.Null(stored.Check);
            Assert.Equal("https", stored.Metadata["scheme"]);
            Assert.Equal(ServiceStatus.Healthy, stored.Status);

            await app.StopAsync();
        }

        Assert.Empty(await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstancesAsync());
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task Shutdown_MaintenanceBeforeDrain_ListedInMaintenanceWhileDrainingThenGone(ClientTransport transport)
    {
        var name = Instances.UniqueService("self-maint");
        var ns = $"drain-{Guid.NewGuid():N}"[..20];
        var app = BuildApp(
            transport,
            FreePorts.Next(),
            options =>
            {
                options.ServiceName = name;
                options.Ttl = TimeSpan.FromSeconds(30);
                options.DrainPeriod = Drain;
                options.MaintenanceBeforeDrain = true;
            },
            ns);
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(new ServiceKey(ns, name).GrainKey);
        await using (app)
        {
            await app.StartAsync();
            var self = app.Services.GetRequiredService<SelfRegistrationService>();
            var registered = await self.Registered.WaitAsync(TimeSpan.FromSeconds(5));

            // In and out of rotation on demand, in the client's namespace.
            Assert.True(await self.EnterMaintenanceAsync("warming caches"));
            Assert.Equal("warming caches", (await service.GetInstanceAsync(registered.Id))!.Maintenance?.Reason);
            Assert.True(await self.LeaveMaintenanceAsync());
            Assert.Null((await service.GetInstanceAsync(registered.Id))!.Maintenance);

            var stopping = app.StopAsync();
            await Eventually.TrueAsync(
                async () => (await service.GetInstanceAsync(registered.Id))?.Maintenance?.Reason == SelfRegistrationService.DrainingReason,
                TimeSpan.FromSeconds(2),
                "the instance to enter maintenance as shutdown begins");
            Assert.False(stopping.IsCompleted, "the host stopped before draining");

            await stopping.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Null(await service.GetInstanceAsync(registered.Id));
        }
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task StartAsync_ServiceNameMissing_FailsNamingTheKey(ClientTransport transport)
    {
        var app = BuildApp(transport, FreePorts.Next(), _ => { });
        await using (app)
        {
            var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Registry:SelfRegistration:ServiceName", error.Message, StringComparison.Ordinal);
        }
    }

    private WebApplication BuildApp(ClientTransport transport, int port, Action<SelfRegistrationOptions> configure, string ns = ServiceKey.DefaultNamespace)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        if (transport == ClientTransport.Orleans)
        {
            builder.Services.AddSingleton(fixture.GrainFactory);
            builder.Services.AddOrleansRegistryClient(options => options.Namespace = ns);
        }
        else
        {
            builder.Services.AddRegistryClient(options =>
            {
                options.Url = fixture.BaseAddress.ToString();
                options.Namespace = ns;
            });
        }

        builder.Services.AddRegistrySelfRegistration(configure);
        var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        app.MapGet("/health", () => Results.Ok());
        return app;
    }
}
