using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Client.Orleans;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Client.Watching;

namespace OrleansRegistry.Tests.Support;

/// <summary>
/// The client library in its own container: talking to a test cluster through a given grain factory
/// (<see cref="Create"/>), or the way a service runs it, with its own Orleans client (<see cref="StartAsync"/>).
/// </summary>
public sealed class RegistryClientHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _started;

    private RegistryClientHost(IHost host, bool started)
    {
        _host = host;
        _started = started;
    }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public IServiceClient Client => Services.GetRequiredService<IServiceClient>();

    public RegistryServiceCache Cache => Services.GetRequiredService<RegistryServiceCache>();

    public InstanceSelector Selector => Services.GetRequiredService<InstanceSelector>();

    public InstanceCircuitBreakers Breakers => Services.GetRequiredService<InstanceCircuitBreakers>();

    public RegistryWatcher Watcher => Services.GetRequiredService<RegistryWatcher>();

    public static RegistryClientHost Create(
        IGrainFactory grainFactory,
        Action<RegistryClientOptions>? configure = null,
        TimeProvider? timeProvider = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(grainFactory);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddOrleansRegistryClient(configure);
        services?.Invoke(builder.Services);
        return new RegistryClientHost(builder.Build(), started: false);
    }

    /// <summary>An app with its own Orleans client (UseOrleansClient) on the silo's gateway and AddRegistryClient, started.</summary>
    public static async Task<RegistryClientHost> StartAsync(int gatewayPort, Action<RegistryClientOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort));
        builder.Services.AddOrleansRegistryClient(configure);
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(timeout.Token);
        return new RegistryClientHost(host, started: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _host.StopAsync(timeout.Token);
        }

        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
