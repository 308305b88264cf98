using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Connections.Security;
using OrleansTlsOptions = Orleans.Connections.Security.TlsOptions;

namespace OrleansRegistry.Silo.Hosting;

public static class TlsSiloHostingExtensions
{
    private const string DefaultHttpsUrls = "https://localhost:8080";

    /// <summary>
    /// With <c>Registry:Tls:CertificatePath</c> set: HTTPS on every URL of <c>urls</c> (https://localhost:8080
    /// when none is given; a plain http URL stops the start, so nothing of the API is left readable on the
    /// wire), and TLS on the silo and gateway ports with the same certificate. Silos must present a
    /// certificate the others trust (mutual TLS); clients need none, only to trust the silos'.
    /// Call it before the default URL is applied. Without the key it does nothing.
    /// </summary>
    public static WebApplicationBuilder AddRegistryTls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = BuildTimeOptions.Bind<TlsOptions, TlsOptionsValidator>(builder.Configuration, TlsOptions.SectionName);
        if (!options.Enabled)
        {
            return builder;
        }

        RequireHttpsUrls(builder);
        var certificate = TlsCertificateFiles.LoadCertificate(options.CertificatePath!, options.CertificatePassword);
        var trust = new TlsPeerTrust(options.CaCertificatePath is { Length: > 0 } authorities ? TlsCertificateFiles.LoadAuthorities(authorities) : null);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        // Options rather than UseOrleans: a silo builder made this early would read the "Orleans"
        // section before AddRegistrySilo hides our own Orleans:Clustering key from it.
        builder.Services.Configure<SiloConnectionOptions>(connections =>
        {
            var silos = new OrleansTlsOptions
            {
                LocalCertificate = certificate,
                RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
                ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
                RemoteCertificateValidation = trust.Accepts,
            };
            var clients = new OrleansTlsOptions
            {
                LocalCertificate = certificate,
                RemoteCertificateMode = RemoteCertificateMode.AllowCertificate,
                RemoteCertificateValidation = trust.Accepts,
            };

            // Orleans' UseTls gives the silo and gateway ports one policy; split here so that the silo
            // port requires a trusted certificate while the gateway takes clients that have none.
            connections.ConfigureSiloInboundConnection(connection => connection.UseServerTls(silos));
            connections.ConfigureSiloOutboundConnection(connection => connection.UseClientTls(silos));
            connections.ConfigureGatewayInboundConnection(connection => connection.UseServerTls(clients));
        });
        return builder;
    }

    private static void RequireHttpsUrls(WebApplicationBuilder builder)
    {
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls(DefaultHttpsUrls);
            return;
        }

        var plain = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(url => !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (plain.Count > 0)
        {
            throw new OptionsValidationException(
                Microsoft.Extensions.Options.Options.DefaultName,
                typeof(TlsOptions),
                [$"Configuration key '{WebHostDefaults.ServerUrlsKey}' has {string.Join(", ", plain)}; with '{TlsOptions.SectionName}:CertificatePath' set every URL must be https."]);
        }
    }
}
