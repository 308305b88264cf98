using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>Reads the certificate files that <see cref="TlsOptions"/> names.</summary>
internal static class TlsCertificateFiles
{
    private const string PemMarker = "-----BEGIN";

    /// <summary>
    /// The silo's certificate with its private key: PEM (certificate and key in one file, the key
    /// encrypted when a password is given) or PKCS#12, told apart by content rather than by file name.
    /// Throws <see cref="CryptographicException"/> or an I/O exception when the file cannot serve.
    /// </summary>
    public static X509Certificate2 LoadCertificate(string path, string? password)
    {
        var certificate = IsPem(path)
            ? string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException("the file holds no private key for the certificate");
        }

        return certificate;
    }

    /// <summary>Every certificate of a PEM bundle (or one DER certificate); throws when there is none.</summary>
    public static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        if (IsPem(path))
        {
            authorities.ImportFromPemFile(path);
        }
        else
        {
            authorities.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        }

        return authorities.Count > 0 ? authorities : throw new CryptographicException("the file holds no certificate");
    }

    private static bool IsPem(string path)
    {
        using var reader = File.OpenText(path);
        var start = new char[256];
        var read = reader.ReadBlock(start);
        return new string(start, 0, read).TrimStart().StartsWith(PemMarker, StringComparison.Ordinal);
    }
}
