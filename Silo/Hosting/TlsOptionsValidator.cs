using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// Opens the configured files once, so that a missing, unreadable or unfit certificate stops the start
/// naming its key instead of failing the first connection.
/// </summary>
public sealed class TlsOptionsValidator : IValidateOptions<TlsOptions>
{
    private const string CertificateKey = TlsOptions.SectionName + ":CertificatePath";
    private const string PasswordKey = TlsOptions.SectionName + ":CertificatePassword";
    private const string AuthorityKey = TlsOptions.SectionName + ":CaCertificatePath";
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.Enabled)
        {
            foreach (var (key, value) in new[] { (PasswordKey, options.CertificatePassword), (AuthorityKey, options.CaCertificatePath) })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    failures.Add($"Configuration key '{key}' is set but '{CertificateKey}' is not; TLS needs the silo's own certificate.");
                }
            }
        }
        else
        {
            if (CertificateProblem(options.CertificatePath!, options.CertificatePassword) is { } problem)
            {
                failures.Add($"Configuration key '{CertificateKey}' is '{options.CertificatePath}', which cannot serve: {problem}");
            }

            if (options.CaCertificatePath is { Length: > 0 } authorities && AuthorityProblem(authorities) is { } authorityProblem)
            {
                failures.Add($"Configuration key '{AuthorityKey}' is '{authorities}', which cannot serve: {authorityProblem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? CertificateProblem(string path, string? password)
    {
        try
        {
            using var certificate = TlsCertificateFiles.LoadCertificate(path, password);

            // Every silo is a TLS server (silo and gateway ports) and a TLS client of the other silos.
            var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SelectMany(usage => usage.EnhancedKeyUsages.Cast<Oid>()).ToList();
            return usages.Count > 0 && !(usages.Any(usage => usage.Value == ServerAuthentication) && usages.Any(usage => usage.Value == ClientAuthentication))
                ? "its extended key usage must include both server authentication and client authentication."
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return exception.Message;
        }
    }

    private static string? AuthorityProblem(string path)
    {
        try
        {
            TlsCertificateFiles.LoadAuthorities(path).ToList().ForEach(authority => authority.Dispose());
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return exception.Message;
        }
    }
}
