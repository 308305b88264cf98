using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Orleans;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Client.Transport;
using OrleansRegistry.Client.Watching;
using OrleansRegistry.Tests.Fixtures;

namespace OrleansRegistry.Tests.Support;

/// <summary>
/// The client library in its own container, reaching the registry through either transport:
/// a silo's grain factory or its HTTP API (<see cref="Create"/>), or, the way a service runs it,
/// its own Orleans client on a silo process's gateway or that process's HTTP address (<see cref="StartAsync"/>).
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

    /// <summary>How this client reaches the registry: also how a test writes to it, so that one test body serves both transports.</summary>
    public IRegistryTransport Transport => Services.GetRequiredService<IRegistryTransport>();

    public IServiceClient Client => Services.GetRequiredService<IServiceClient>();

    public RegistryServiceCache Cache => Services.GetRequiredService<RegistryServiceCache>();

    public InstanceSelector Selector => Services.GetRequiredService<InstanceSelector>();

    public InstanceCircuitBreakers Breakers => Services.GetRequiredService<InstanceCircuitBreakers>();

    public RegistryWatcher Watcher => Services.GetRequiredService<RegistryWatcher>();

    public static RegistryClientHost Create(
        RegistryHttpFixture registry,
        ClientTransport transport,
        Action<RegistryClientOptions>? configure = null,
        TimeProvider? timeProvider = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        if (transport == ClientTransport.Orleans)
        {
            builder.Services.AddSingleton(registry.GrainFactory);
            builder.Services.AddOrleansRegistryClient(configure);
        }
        else
        {
            builder.Services.AddRegistryClient(Http(registry.BaseAddress, configure));
        }

        services?.Invoke(builder.Services);
        return new RegistryClientHost(builder.Build(), started: false);
    }

    /// <summary>The client library in HTTP mode on several registry addresses, tried in order (not started: nothing in it needs a start).</summary>
    public static RegistryClientHost CreateOverHttp(IReadOnlyList<Uri> urls, Action<RegistryClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddRegistryClient(options =>
        {
            options.Urls = [.. urls.Select(url => url.ToString())];
            configure?.Invoke(options);
        });
        return new RegistryClientHost(builder.Build(), started: false);
    }

    /// <summary>An app with the client library on <paramref name="silo"/>: its own Orleans client (UseOrleansClient) on the gateway, or the HTTP address; started.</summary>
    public static async Task<RegistryClientHost> StartAsync(ClientTransport transport, SiloProcess silo, Action<RegistryClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        if (transport == ClientTransport.Orleans)
        {
            builder.UseOrleansClient(client =>
            {
                client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, silo.GatewayPort));
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = silo.ClusterId;
                    options.ServiceId = silo.ClusterId;
                });
            });
            builder.Services.AddOrleansRegistryClient(configure);
        }
        else
        {
            builder.Services.AddRegistryClient(Http(silo.BaseAddress, configure));
        }

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

    private static Action<RegistryClientOptions> Http(Uri url, Action<RegistryClientOptions>? configure) => options =>
    {
        options.Url = url.ToString();
        configure?.Invoke(options);
    };
}
