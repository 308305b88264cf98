using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansRegistry.Client.Orleans;
using OrleansRegistry.Client.Hosting;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>An Orleans client connected to the registry's gateways; disposing it disconnects.</summary>
internal sealed class RegistryConnection : IRegistryConnection
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly IHost _host;

    private RegistryConnection(IHost host, string ns)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
        Operations = new OrleansRegistryOperations(Client, ns);
    }

    public IClusterClient Client { get; }

    public IRegistryOperations Operations { get; }

    /// <summary>The connection's services, with the registry client library (service calls, watches) on top of the Orleans client.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Connects within <see cref="ClientSettings.ConnectTimeout"/>, or throws
    /// <see cref="RegistryUnreachableException"/> naming the gateways it tried. Operations and the
    /// client library address namespace <paramref name="ns"/>.
    /// </summary>
    public static async Task<RegistryConnection> ConnectAsync(ClientSettings settings, string ns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var where = string.Join(", ", settings.Gateways);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ClientSettings.ConnectTimeout);

        IPEndPoint[] endpoints;
        try
        {
            endpoints = await Task.WhenAll(settings.Gateways.Select(gateway => gateway.ResolveAsync(timeout.Token)));
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new RegistryUnreachableException($"cannot reach the registry at {where}: the host name does not resolve", exception);
        }

        var host = Build(settings, endpoints, ns);
        try
        {
            // The start keeps retrying while no gateway is up and may not watch the token the whole
            // time, so the wait itself is bounded too.
            await host.StartAsync(timeout.Token).WaitAsync(timeout.Token);
            return new RegistryConnection(host, ns);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await StopQuietlyAsync(host);
            var reason = exception is OperationCanceledException
                ? $"no gateway answered within {ClientSettings.ConnectTimeout.TotalSeconds:0} s"
                : exception.Message;
            throw new RegistryUnreachableException($"cannot reach the registry at {where} (cluster id '{settings.ClusterId}'): {reason}", exception);
        }
        catch
        {
            await StopQuietlyAsync(host);
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await StopQuietlyAsync(_host);

    private static IHost Build(ClientSettings settings, IPEndPoint[] endpoints, string ns)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(endpoints);
            if (settings.CertificateAuthorities is { } authorities)
            {
                client.UseRegistryTls(authorities);
            }

            client.Configure<ClusterOptions>(cluster => cluster.ClusterId = settings.ClusterId);
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = ClientSettings.ResponseTimeout);

            // The client's start waits for a cluster manifest; after a dead gateway it retries another only
            // after min(this interval, 5 s), which would eat the whole connect timeout.
            client.Configure<TypeManagementOptions>(types => types.TypeMapRefreshInterval = ClientSettings.ManifestRetryInterval);
        });
        builder.Services.AddOrleansRegistryClient(options => options.Namespace = ns);
        return builder.Build();
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        using var stop = new CancellationTokenSource(StopTimeout);
        try
        {
            await host.StopAsync(stop.Token).WaitAsync(stop.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or OrleansException or ObjectDisposedException)
        {
            // Leaving anyway: the process is about to exit and the silo drops the connection itself.
        }

        host.Dispose();
    }
}
