using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// Which remote certificates the silo accepts on its Orleans connections: those that chain to the
/// configured CA, or to the system's trusted roots when none is configured.
/// </summary>
/// <remarks>
/// The host name is not checked: silos and gateways are dialled at the addresses membership hands
/// out (pod IPs), which no certificate can list. Use a CA that issues certificates for this cluster only.
/// </remarks>
internal sealed class TlsPeerTrust(X509Certificate2Collection? authorities)
{
    public bool Accepts(X509Certificate2 certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (authorities is null)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);

        // A private CA publishes no revocation list to fetch.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var intermediate in presented?.ChainElements.Skip(1) ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(intermediate.Certificate);
        }

        return chain.Build(certificate);
    }
}
