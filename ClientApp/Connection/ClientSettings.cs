using Microsoft.Extensions.Configuration;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>Where the cluster is and how long to wait for it.</summary>
internal sealed record ClientSettings(IReadOnlyList<GatewayAddress> Gateways, string ClusterId)
{
    public const string GatewaysKey = "Registry:Gateways";
    public const string ClusterIdKey = "Orleans:ClusterId";
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
    /// value); <c>--cluster-id</c> over <c>Orleans:ClusterId</c>. A malformed configured gateway is
    /// invalid input naming the key.
    /// </summary>
    public static ClientSettings Read(IReadOnlyList<GatewayAddress> gatewayOptions, string? clusterIdOption, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(gatewayOptions);
        ArgumentNullException.ThrowIfNull(configuration);
        var gateways = gatewayOptions.Count > 0 ? gatewayOptions.Distinct().ToList() : Configured(configuration);
        if (gateways.Count == 0)
        {
            gateways.Add(GatewayAddress.Parse(DefaultGateway));
        }

        var clusterId = clusterIdOption ?? configuration[ClusterIdKey];
        return new ClientSettings(gateways, string.IsNullOrWhiteSpace(clusterId) ? DefaultClusterId : clusterId.Trim());
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
