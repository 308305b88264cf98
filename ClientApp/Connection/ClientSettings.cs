using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using OrleansRegistry.Client.Orleans;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>
/// Where the registry is: its gateways (the CLI is then an Orleans client), or its HTTP addresses
/// (<see cref="RegistryUrls"/>, then it speaks the HTTP API); how long to wait for it, and the CA
/// its TLS certificate chains to (null: plain text, or the system's roots for https).
/// </summary>
internal sealed record ClientSettings(IReadOnlyList<GatewayAddress> Gateways, string ClusterId, X509Certificate2Collection? CertificateAuthorities = null)
{
    public const string GatewaysKey = "Registry:Gateways";
    public const string RegistryUrlKey = "Registry:Client:Url";
    public const string RegistryUrlsKey = "Registry:Client:Urls";
    public const string ApiKeyKey = "Registry:Client:ApiKey";
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

    /// <summary>The registry's HTTP addresses; when there are any, every command goes over the HTTP API and <see cref="Gateways"/> is empty.</summary>
    public IReadOnlyList<Uri> RegistryUrls { get; init; } = [];

    /// <summary>Sent as <c>X-Api-Key</c> on every HTTP request (the gateways take no key).</summary>
    public string? ApiKey { get; init; }

    public bool OverHttp => RegistryUrls.Count > 0;

    /// <summary>
    /// <c>--registry</c> (repeatable) or <c>--gateway</c> (repeatable) picks the transport (the parser
    /// refuses both together); without either, <c>Registry:Client:Url</c> / <c>Registry:Client:Urls</c>
    /// pick HTTP and <c>Registry:Gateways</c> (a list, or one comma-separated value) Orleans, and
    /// both configured at once is invalid input naming the keys. Orleans is the default, at
    /// <see cref="DefaultGateway"/>. <c>--cluster-id</c> wins over <c>Orleans:ClusterId</c>,
    /// <c>--api-key</c> over <c>Registry:Client:ApiKey</c>, <c>--ca-certificate</c> over
    /// <c>Registry:Tls:CaCertificatePath</c>. A malformed configured address, or a CA file that
    /// cannot be read, is invalid input naming the option or key.
    /// </summary>
    public static ClientSettings Read(ClientOptionValues options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var (registries, gateways) = Transport(options, configuration);
        var clusterId = options.ClusterId ?? configuration[ClusterIdKey];
        var apiKey = options.ApiKey ?? configuration[ApiKeyKey];
        return new ClientSettings(gateways, string.IsNullOrWhiteSpace(clusterId) ? DefaultClusterId : clusterId.Trim(), Authorities(options.CaCertificate, configuration))
        {
            RegistryUrls = registries,
            ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey,
        };
    }

    private static (List<Uri> Registries, List<GatewayAddress> Gateways) Transport(ClientOptionValues options, IConfiguration configuration)
    {
        if (options.Registries.Count > 0)
        {
            return ([.. options.Registries.Distinct()], []);
        }

        if (options.Gateways.Count > 0)
        {
            return ([], [.. options.Gateways.Distinct()]);
        }

        var (registries, gateways) = (ConfiguredRegistries(configuration), Configured(configuration));
        if (registries.Count > 0 && gateways.Count > 0)
        {
            throw new RegistryValidationException(RegistryUrlKey, $"and {GatewaysKey} are both set: configure one way to the registry (or choose with --registry or --gateway)");
        }

        if (registries.Count == 0 && gateways.Count == 0)
        {
            gateways.Add(GatewayAddress.Parse(DefaultGateway));
        }

        return (registries, gateways);
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

    private static List<GatewayAddress> Configured(IConfiguration configuration) => ParseConfigured(configuration, GatewaysKey, GatewayAddress.ParseList);

    private static List<Uri> ConfiguredRegistries(IConfiguration configuration) =>
        [.. ParseConfigured(configuration, RegistryUrlKey, RegistryUrl.ParseList).Concat(ParseConfigured(configuration, RegistryUrlsKey, RegistryUrl.ParseList)).Distinct()];

    /// <summary>The values under <paramref name="key"/> (a list, or one comma-separated value); a malformed one is refused naming the key.</summary>
    private static List<T> ParseConfigured<T>(IConfiguration configuration, string key, Func<string, IEnumerable<T>> parseList)
    {
        var section = configuration.GetSection(key);
        IEnumerable<string> texts = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? string.Empty);
        try
        {
            return texts.SelectMany(parseList).Distinct().ToList();
        }
        catch (FormatException exception)
        {
            throw new RegistryValidationException(key, exception.Message);
        }
    }
}
