using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Client.Transport.Http;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>
/// The registry over its HTTP API at <see cref="ClientSettings.RegistryUrls"/>: no Orleans, and
/// nothing is dialled until the first request. The commands' requests and the client library's
/// (<c>AddRegistryClient</c>) share the timeouts, the API key and the trusted CA.
/// </summary>
internal sealed class HttpRegistryConnection : IRegistryConnection
{
    private const string HttpClientName = "OrleansRegistry.ClientApp";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly IHost _host;

    private HttpRegistryConnection(IHost host, ClientSettings settings, string ns)
    {
        _host = host;
        var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        Operations = new HttpRegistryOperations(http, settings.RegistryUrls, settings.ApiKey, ns);
    }

    public IRegistryOperations Operations { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Builds the HTTP clients and the client library for namespace <paramref name="ns"/>.</summary>
    public static async Task<HttpRegistryConnection> OpenAsync(ClientSettings settings, string ns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var urls = settings.RegistryUrls.Select(url => url.ToString()).ToList();
        builder.Services.AddRegistryClient(options =>
        {
            options.Url = urls[0];
            options.Urls = urls.Skip(1).ToList();
            options.ApiKey = settings.ApiKey;
            options.Namespace = ns;
        });
        builder.Services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = ClientSettings.ResponseTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => Handler(settings.CertificateAuthorities));

        // The client library's own requests to the registry: its calls set their own limits.
        builder.Services.AddHttpClient(HttpRegistryTransport.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Handler(settings.CertificateAuthorities));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new HttpRegistryConnection(host, settings, ns);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(StopTimeout))
        {
            await _host.StopAsync(stop.Token);
        }

        _host.Dispose();
    }

    /// <summary>
    /// Gives up connecting after <see cref="ClientSettings.ConnectTimeout"/>; with a CA
    /// (<c>--ca-certificate</c>) an https registry's certificate must chain to it (and name the host).
    /// </summary>
    private static SocketsHttpHandler Handler(X509Certificate2Collection? authorities)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = ClientSettings.ConnectTimeout };
        if (authorities is not null)
        {
            var trust = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            trust.CustomTrustStore.AddRange(authorities);
            handler.SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = trust };
        }

        return handler;
    }
}
