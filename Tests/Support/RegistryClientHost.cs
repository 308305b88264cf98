using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Client.Watching;

namespace OrleansRegistry.Tests.Support;

/// <summary>The client library in its own container, talking to a test cluster through the given grain factory.</summary>
public sealed class RegistryClientHost : IAsyncDisposable
{
    private readonly IHost _host;

    private RegistryClientHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

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

        builder.Services.AddRegistryClient(configure);
        services?.Invoke(builder.Services);
        return new RegistryClientHost(builder.Build());
    }

    public async ValueTask DisposeAsync()
    {
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
