using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansRegistry.TestSupport;

/// <summary>
/// A throwaway CA and a certificate it issued for localhost and 127.0.0.1, written to a temporary folder
/// as PEM and PFX files the way an operator would hand them over; disposing deletes the folder.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private readonly DirectoryInfo _directory;

    private TestCertificateAuthority(DirectoryInfo directory, string pfxPassword)
    {
        _directory = directory;
        PfxPassword = pfxPassword;
    }

    /// <summary>The CA certificate alone (PEM), for clients to trust.</summary>
    public string CaCertificatePath => Path.Combine(_directory.FullName, "ca.pem");

    /// <summary>The issued certificate followed by its unencrypted private key (PEM).</summary>
    public string CertificatePemPath => Path.Combine(_directory.FullName, "server.pem");

    /// <summary>The issued certificate and key as PKCS#12, protected by <see cref="PfxPassword"/>.</summary>
    public string CertificatePfxPath => Path.Combine(_directory.FullName, "server.pfx");

    public string PfxPassword { get; }

    /// <summary>Creates a CA named <paramref name="name"/> and a certificate valid for both server and client authentication.</summary>
    public static TestCertificateAuthority Create(string name = "Registry Test CA")
    {
        var directory = Directory.CreateTempSubdirectory("registry-tls-");
        var authority = new TestCertificateAuthority(directory, Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        var now = DateTimeOffset.UtcNow;

        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest($"CN={name}", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));

        // Silos are TLS clients of each other as well as servers.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication), new Oid(ClientAuthentication)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var issued = request.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(key);

        File.WriteAllText(authority.CaCertificatePath, ca.ExportCertificatePem());
        File.WriteAllText(authority.CertificatePemPath, withKey.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllBytes(authority.CertificatePfxPath, withKey.Export(X509ContentType.Pfx, authority.PfxPassword));
        return authority;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
