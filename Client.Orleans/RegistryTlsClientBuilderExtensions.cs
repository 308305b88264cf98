using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace OrleansRegistry.Client.Orleans;

/// <summary>TLS from an Orleans client to a registry whose silos run with <c>Registry:Tls:CertificatePath</c>.</summary>
public static class RegistryTlsClientBuilderExtensions
{
    /// <summary>The configuration key the CLI reads the CA from; applications may use the same.</summary>
    public const string CaCertificatePathKey = "Registry:Tls:CaCertificatePath";

    /// <summary>
    /// Speaks TLS to the gateways and accepts only a gateway certificate that chains to a CA of the PEM
    /// file at <paramref name="caCertificatePath"/>. Throws at once when the file holds no certificate.
    /// </summary>
    public static IClientBuilder UseRegistryTls(this IClientBuilder client, string caCertificatePath)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(caCertificatePath);
        return client.UseRegistryTls(CertificateAuthorities.Load(caCertificatePath));
    }

    /// <summary>
    /// Speaks TLS to the gateways and accepts only a gateway certificate that chains to one of
    /// <paramref name="authorities"/>. The client presents no certificate of its own.
    /// </summary>
    public static IClientBuilder UseRegistryTls(this IClientBuilder client, X509Certificate2Collection authorities)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(authorities);
        if (authorities.Count == 0)
        {
            throw new ArgumentException("at least one CA certificate is needed", nameof(authorities));
        }

        return client.UseTls(tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.NoCertificate;
            tls.RemoteCertificateValidation = (certificate, presented, _) => CertificateAuthorities.Issued(authorities, certificate, presented);
        });
    }
}
