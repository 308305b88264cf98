using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using OrleansRegistry.Client.Orleans;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Tls;

/// <summary>
/// Two real silo processes on Azurite with TLS on every port, from a throwaway CA: silo 1 reads its
/// certificate as PEM, silo 2 as a password-protected PFX. A second CA, which issued nothing the
/// cluster uses, stands for a party the cluster does not trust.
/// </summary>
public sealed class TlsClusterFixture : IAsyncLifetime
{
    private readonly List<SiloProcess> _silos = [];
    private readonly List<HttpClient> _clients = [];
    private AzuriteProcess? _azurite;

    public TestCertificateAuthority Authority { get; } = TestCertificateAuthority.Create();

    public TestCertificateAuthority OtherAuthority { get; } = TestCertificateAuthority.Create("Someone Else's CA");

    public string ClusterId { get; } = $"t{Guid.NewGuid():N}"[..20];

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartNewAsync(RepositoryPaths.AzuriteScript, onDisk: false);
        string[] trust = [$"--Registry:Tls:CaCertificatePath={Authority.CaCertificatePath}"];
        _silos.Add(StartSilo([$"--Registry:Tls:CertificatePath={Authority.CertificatePemPath}", .. trust]));
        _silos.Add(StartSilo([$"--Registry:Tls:CertificatePath={Authority.CertificatePfxPath}", $"--Registry:Tls:CertificatePassword={Authority.PfxPassword}", .. trust]));
        using var http = TrustingHttpClient(Authority.CaCertificatePath);
        await Task.WhenAll(_silos.Select(silo => silo.WaitReadyAsync(http)));
    }

    /// <summary>An HTTPS client of <paramref name="silo"/> that trusts the cluster's CA (and nothing else).</summary>
    public HttpClient Http(SiloProcess silo)
    {
        var client = TrustingHttpClient(Authority.CaCertificatePath);
        client.BaseAddress = silo.BaseAddress;
        _clients.Add(client);
        return client;
    }

    /// <summary>The CLI's arguments to reach the cluster through <paramref name="silo"/>.</summary>
    public string[] CliTarget(SiloProcess silo) => ["--gateway", $"127.0.0.1:{silo.GatewayPort}", "--cluster-id", ClusterId];

    /// <summary>An Orleans client host of the cluster, configured by <paramref name="configure"/>; not started.</summary>
    public IHost OrleansClient(Action<IClientBuilder> configure) =>
        Host.CreateDefaultBuilder()
            .UseOrleansClient(client =>
            {
                client.UseStaticClustering(_silos.Select(silo => new IPEndPoint(IPAddress.Loopback, silo.GatewayPort)).ToArray());
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = ClusterId;
                    options.ServiceId = ClusterId;
                });
                configure(client);
            })
            .Build();

    /// <summary>The client the library user writes: TLS trusting the CA file.</summary>
    public IHost TlsOrleansClient() => OrleansClient(client => client.UseRegistryTls(Authority.CaCertificatePath));

    public async Task DisposeAsync()
    {
        _clients.ForEach(client => client.Dispose());
        await Task.WhenAll(_silos.Select(silo => silo.DisposeAsync().AsTask()));
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Authority.Dispose();
        OtherAuthority.Dispose();
    }

    private static HttpClient TrustingHttpClient(string caCertificatePath)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(caCertificatePath);
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.AddRange(authorities);
        var handler = new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy } };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private SiloProcess StartSilo(string[] tls) =>
        SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, ClusterId)
        {
            AzureConnectionString = _azurite!.ConnectionString,
            Scheme = "https",
            ExtraArguments = tls,
        });
}
