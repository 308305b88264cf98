using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using OrleansRegistry.Silo.Hosting;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Tls;

/// <summary>The <c>Registry:Tls:*</c> keys: a certificate that cannot serve stops the start naming its key.</summary>
public sealed class TlsConfigurationTests : IDisposable
{
    private readonly TestCertificateAuthority _authority = TestCertificateAuthority.Create();

    public static TheoryData<string, string> BadSettings => new()
    {
        { "missing file", "Registry:Tls:CertificatePath" },
        { "CA file given as certificate (no key)", "Registry:Tls:CertificatePath" },
        { "wrong PFX password", "Registry:Tls:CertificatePath" },
        { "missing CA file", "Registry:Tls:CaCertificatePath" },
        { "password without certificate", "Registry:Tls:CertificatePassword" },
        { "plain http URL", "urls" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task AddRegistrySilo_BadTlsSetting_StopsStartNamingTheKey(string setting, string key)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pem");
        var settings = setting switch
        {
            "missing file" => Tls(missing),
            "CA file given as certificate (no key)" => Tls(_authority.CaCertificatePath),
            "wrong PFX password" => new Dictionary<string, string?>(Tls(_authority.CertificatePfxPath)) { ["Registry:Tls:CertificatePassword"] = "not-it" },
            "missing CA file" => new Dictionary<string, string?>(Tls(_authority.CertificatePemPath)) { ["Registry:Tls:CaCertificatePath"] = missing },
            "password without certificate" => new Dictionary<string, string?> { ["Registry:Tls:CertificatePassword"] = "secret" },
            _ => new Dictionary<string, string?>(Tls(_authority.CertificatePemPath)) { [WebHostDefaults.ServerUrlsKey] = "https://127.0.0.1:0;http://127.0.0.1:0" },
        };

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = Build(settings);
        });

        Assert.NotNull(error);
        var message = ConfigurationFailure.MessageOf(error);
        Assert.True(message is not null, $"a configuration failure, not {error}");
        Assert.Contains($"'{key}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRegistrySilo_CertificateWithoutUrls_DefaultsToHttps()
    {
        await using var app = Build(Tls(_authority.CertificatePemPath));

        Assert.Equal("https://localhost:8080", app.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public async Task AddRegistrySilo_NoCertificate_KeepsPlainHttp()
    {
        await using var app = Build([]);

        Assert.Equal("http://localhost:8080", app.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public async Task SiloProcess_MissingCertificate_ExitsWithCode2NamingTheKey()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pem");
        await using var silo = ChildProcess.Start("dotnet", [RepositoryPaths.SiloDll, "--urls", $"https://127.0.0.1:{FreePorts.Next()}", $"--Registry:Tls:CertificatePath={missing}"]);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await silo.WaitForExitAsync(deadline.Token);

        Assert.Equal(2, silo.ExitCode);
        Assert.Contains("'Registry:Tls:CertificatePath'", silo.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _authority.Dispose();

    private static Dictionary<string, string?> Tls(string certificatePath) => new() { ["Registry:Tls:CertificatePath"] = certificatePath };

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRegistrySilo();
        return builder.Build();
    }
}
