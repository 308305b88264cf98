using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using OrleansRegistry.Client.Orleans;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>Where the cluster is, how long to wait for it, and the CA its TLS certificate chains to (null: plain text).</summary>
internal sealed record ClientSettings(IReadOnlyList<GatewayAddress> Gateways, string ClusterId, X509Certificate2Collection? CertificateAuthorities = null)
{
    public const string GatewaysKey = "Registry:Gateways";
    public const string ClusterIdKey = "Orleans:ClusterId";
    public const string CaCertificatePathKey = RegistryTlsClientBuilderExtensions.CaCertificatePathKey;
    public const string CaCertificateOption = "--ca-certificate";
    public const string DefaultGateway = "localhost:30000";
    public const string DefaultClusterId = "dev";

    /// <summary>A client start keeps retrying while no gateway answers; this bounds it.</summary>
    public static TimeSpan ConnectTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How soon the client tries another gateway for the cluster manifest after one failed.</summary>
    public static TimeSpan ManifestRetryInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Lower than Orleans' 30 s default: a person is waiting at the terminal.</summary>
    public static TimeSpan ResponseTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>--gateway</c> (repeatable) wins over <c>Registry:Gateways</c> (a list, or one comma-separated
    /// value); <c>--cluster-id</c> over <c>Orleans:ClusterId</c>; <c>--ca-certificate</c> over
    /// <c>Registry:Tls:CaCertificatePath</c>. A malformed configured gateway, or a CA file that cannot
    /// be read, is invalid input naming the option or key.
    /// </summary>
    public static ClientSettings Read(IReadOnlyList<GatewayAddress> gatewayOptions, string? clusterIdOption, string? caCertificateOption, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(gatewayOptions);
        ArgumentNullException.ThrowIfNull(configuration);
        var gateways = gatewayOptions.Count > 0 ? gatewayOptions.Distinct().ToList() : Configured(configuration);
        if (gateways.Count == 0)
        {
            gateways.Add(GatewayAddress.Parse(DefaultGateway));
        }

        var clusterId = clusterIdOption ?? configuration[ClusterIdKey];
        return new ClientSettings(gateways, string.IsNullOrWhiteSpace(clusterId) ? DefaultClusterId : clusterId.Trim(), Authorities(caCertificateOption, configuration));
    }

    private static X509Certificate2Collection? Authorities(string? option, IConfiguration configuration)
    {
        var (source, path) = option is null ? (CaCertificatePathKey, configuration[CaCertificatePathKey]) : (CaCertificateOption, option);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new RegistryValidationException(source, $"cannot read the CA certificate '{path}': {exception.Message}");
        }

        return authorities.Count > 0 ? authorities : throw new RegistryValidationException(source, $"'{path}' holds no PEM certificate");
    }

    private static List<GatewayAddress> Configured(IConfiguration configuration)
    {
        var section = configuration.GetSection(GatewaysKey);
        IEnumerable<string> texts = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? string.Empty);
        try
        {
            return texts.SelectMany(GatewayAddress.ParseList).Distinct().ToList();
        }
        catch (FormatException exception)
        {
            throw new RegistryValidationException(GatewaysKey, exception.Message);
        }
    }
}
