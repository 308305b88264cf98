using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansRegistry.Client.Orleans;
using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Processes;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Tls;

/// <summary>A two-silo cluster with TLS on HTTP, silo-to-silo and gateway traffic: who gets in and who does not.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class TlsClusterTests(TlsClusterFixture fixture) : IClassFixture<TlsClusterFixture>
{
    [Fact]
    public async Task HttpApi_CaTrusted_RegistrationThroughOneSiloIsListedThroughTheOther()
    {
        var service = Instances.UniqueService("tls-http");
        var first = fixture.Http(fixture.Silos[0]);
        var second = fixture.Http(fixture.Silos[1]);

        await first.RegisterAsync(service, "i-1");

        Assert.Equal("https", second.BaseAddress!.Scheme);
        await Eventually.TrueAsync(
            async () => (await second.ListAsync(service)).Any(instance => instance?["id"]?.GetValue<string>() == "i-1"),
            TimeSpan.FromSeconds(10),
            "the instance registered through silo 1 to be listed through silo 2");
    }

    [Fact]
    public async Task HttpApi_PlainHttpToTheHttpsPort_GetsNoAnswer()
    {
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var url = new UriBuilder(fixture.Silos[0].BaseAddress) { Scheme = "http", Path = "/readyz" }.Uri;

        var error = await Record.ExceptionAsync(() => plain.GetAsync(url));

        Assert.IsType<HttpRequestException>(error);
    }

    [Fact]
    public async Task HttpApi_CaNotTrusted_RefusesTheCertificate()
    {
        // The machine's trust store does not know the throwaway CA.
        using var untrusting = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var error = await Record.ExceptionAsync(() => untrusting.GetAsync(new Uri(fixture.Silos[0].BaseAddress, "/readyz")));

        Assert.IsType<AuthenticationException>(Assert.IsType<HttpRequestException>(error).InnerException);
    }

    [Fact]
    public async Task Cli_WithCaCertificate_RegistersThroughOneGatewayAndListsThroughTheOther()
    {
        var service = Instances.UniqueService("tls-cli");
        string[] ca = ["--ca-certificate", fixture.Authority.CaCertificatePath];

        var register = await CliRunner.RunAsync([.. fixture.CliTarget(fixture.Silos[0]), .. ca, "register", service, "i-1", "--host", "10.0.0.1", "--port", "80"]);
        var list = await CliRunner.RunAsync([.. fixture.CliTarget(fixture.Silos[1]), .. ca, "instances", service]);

        Assert.True(register.ExitCode == 0, register.ToString());
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(["i-1", "10.0.0.1", "80"], list.RowWith("i-1").Take(3));
    }

    [Fact]
    public async Task Cli_CaFromConfiguration_Connects()
    {
        var environment = new Dictionary<string, string> { ["Registry__Tls__CaCertificatePath"] = fixture.Authority.CaCertificatePath };

        var result = await CliRunner.RunAsync([.. fixture.CliTarget(fixture.Silos[1]), "services"], environment);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Cli_WithoutTls_IsRefusedAndRegistersNothing()
    {
        var service = Instances.UniqueService("tls-plain");

        var result = await CliRunner.RunAsync([.. fixture.CliTarget(fixture.Silos[0]), "register", service, "i-1", "--host", "10.0.0.1", "--port", "80"]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("cannot reach the registry", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await fixture.Http(fixture.Silos[1]).ListAsync(service));
    }

    [Fact]
    public async Task Cli_TrustingAnotherCa_IsRefused()
    {
        var result = await CliRunner.RunAsync([.. fixture.CliTarget(fixture.Silos[0]), "--ca-certificate", fixture.OtherAuthority.CaCertificatePath, "services"]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("cannot reach the registry", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_UnreadableCaFile_ExitsTwoNamingTheOption()
    {
        var result = await CliRunner.RunAsync([.. fixture.CliTarget(fixture.Silos[0]), "--ca-certificate", fixture.Authority.CertificatePfxPath, "services"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("invalid input: --ca-certificate: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseRegistryTls_OrleansClient_CallsTheCluster()
    {
        var service = Instances.UniqueService("tls-lib");
        await fixture.Http(fixture.Silos[0]).RegisterAsync(service, "i-1");
        using var host = fixture.TlsOrleansClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await host.StartAsync(deadline.Token);
        var instances = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IServiceGrain>(service).GetInstancesAsync();
        await host.StopAsync(deadline.Token);

        Assert.Equal("i-1", Assert.Single(instances).Id);
    }

    [Fact]
    public async Task OrleansClient_WithoutTls_CannotConnect()
    {
        // Without the filter the client retries for ever; one refusal is the answer here.
        using var host = fixture.OrleansClient(client => client.UseConnectionRetryFilter((_, _) => Task.FromResult(false)));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Record.ExceptionAsync(() => host.StartAsync(deadline.Token));

        Assert.NotNull(error);
        Assert.False(deadline.IsCancellationRequested, $"refused at once, not timed out: {error}");
        Assert.IsAssignableFrom<OrleansException>(error);
    }

    [Fact]
    public async Task SiloPort_PeerWithTheClusterCertificate_IsKeptConnected()
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(fixture.Authority.CertificatePfxPath, fixture.Authority.PfxPassword);

        var (remote, closed) = await HandshakeWithSiloPortAsync(new X509CertificateCollection { certificate });

        Assert.Equal(certificate.Thumbprint, remote);
        Assert.False(closed, "the silo port must keep a peer holding a certificate of the cluster's CA");
    }

    [Fact]
    public async Task SiloPort_PeerWithoutCertificate_IsDisconnected()
    {
        var (_, closed) = await HandshakeWithSiloPortAsync(null);

        Assert.True(closed, "the silo port must drop a peer that presents no certificate");
    }

    /// <summary>
    /// A TLS handshake with silo 1's silo-to-silo port, then a short read: the server checks the client's
    /// certificate as the handshake ends and drops the connection when it refuses it.
    /// </summary>
    private async Task<(string? Thumbprint, bool ClosedByServer)> HandshakeWithSiloPortAsync(X509CertificateCollection? clientCertificates)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, fixture.Silos[0].SiloPort);
        await using var tls = new SslStream(tcp.GetStream());
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.ImportFromPemFile(fixture.Authority.CaCertificatePath);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions { TargetHost = "localhost", CertificateChainPolicy = policy, ClientCertificates = clientCertificates },
            deadline.Token);
        var thumbprint = tls.RemoteCertificate?.GetCertHashString();

        // An accepted peer is left waiting for its Orleans preamble (or is sent the silo's own); a refused one reads end of stream.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            return (thumbprint, await tls.ReadAsync(new byte[64], wait.Token) == 0);
        }
        catch (OperationCanceledException)
        {
            return (thumbprint, false);
        }
        catch (Exception exception) when (exception is IOException or AuthenticationException)
        {
            return (thumbprint, true);
        }
    }
}
