namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// The <c>Registry:Tls:*</c> keys. With a certificate set, the HTTP API serves HTTPS and silo-to-silo and
/// client-to-gateway traffic is TLS, all with that one certificate; without one, everything is plain text.
/// </summary>
public sealed class TlsOptions
{
    public const string SectionName = "Registry:Tls";

    /// <summary>A PEM file holding the certificate and its private key, or a PKCS#12 (PFX) file.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX password, or the password of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// PEM file of the CA certificates that other silos' certificates must chain to; the system's
    /// trusted roots when unset. A self-signed certificate can name itself here.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
