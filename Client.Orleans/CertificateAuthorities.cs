using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansRegistry.Client.Orleans;

/// <summary>Trust in the CA that issued the registry's certificates, and nothing else.</summary>
internal static class CertificateAuthorities
{
    /// <summary>Every certificate of a PEM bundle; throws <see cref="CryptographicException"/> when there is none.</summary>
    public static X509Certificate2Collection Load(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        return authorities.Count > 0 ? authorities : throw new CryptographicException($"'{path}' holds no PEM certificate");
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to one of <paramref name="authorities"/> (and is in
    /// its validity period). The system's roots do not count, and the host name is not checked: the
    /// client dials gateways at the addresses the cluster reports, which a certificate cannot list.
    /// </summary>
    public static bool Issued(X509Certificate2Collection authorities, X509Certificate2 certificate, X509Chain? presented)
    {
        using var chain = new X509Chain
        {
            ChainPolicy =
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,

                // A private CA publishes no revocation list to fetch.
                RevocationMode = X509RevocationMode.NoCheck,
            },
        };
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.ExtraStore.AddRange(presented?.ChainElements.Skip(1).Select(element => element.Certificate).ToArray() ?? []);
        return chain.Build(certificate);
    }
}
