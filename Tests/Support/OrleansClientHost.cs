using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Client.Options;

namespace OrleansRegistry.Tests.Support;

/// <summary>An app the way a service runs the client library: its own Orleans client (UseOrleansClient) and AddRegistryClient in one container.</summary>
public sealed class OrleansClientHost : IAsyncDisposable
{
    private readonly IHost _host;

    private OrleansClientHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public IServiceClient Client => Services.GetRequiredService<IServiceClient>();

    public RegistryServiceCache Cache => Services.GetRequiredService<RegistryServiceCache>();

    public static async Task<OrleansClientHost> StartAsync(int gatewayPort, Action<RegistryClientOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort));
        builder.Services.AddRegistryClient(configure);
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(timeout.Token);
        return new OrleansClientHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
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
