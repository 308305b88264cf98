using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Hosting;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Tests.Support;

/// <summary>
/// A one-silo registry in this process on free loopback ports (localhost clustering, in-memory
/// storage), for tests that stop the registry and start it again on the same ports.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private IHost? _host;

    private InProcessSilo(int siloPort, int gatewayPort)
    {
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public static async Task<InProcessSilo> StartAsync()
    {
        var ports = FreePorts.Next(2);
        var silo = new InProcessSilo(ports[0], ports[1]);
        await silo.StartAgainAsync();
        return silo;
    }

    /// <summary>Starts the silo (again) on the same ports; its in-memory state starts empty.</summary>
    public async Task StartAgainAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(SiloPort, GatewayPort);
            silo.AddMemoryGrainStorage(RegistryStorage.Name);
            silo.UseInMemoryReminderService();
            silo.Services.AddRegistryGrains();
        });
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            await host.StopAsync();
            host.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
