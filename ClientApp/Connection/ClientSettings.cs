using Microsoft.Extensions.Configuration;
using OrleansRegistry.ClientApp.Cli;

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
    /// value); <c>--cluster-id</c> over <c>Orleans:ClusterId</c>.
    /// </summary>
    public static ClientSettings Read(CommandLine commandLine, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(configuration);
        IEnumerable<string> texts = commandLine.GetValues(GlobalOptions.Gateway);
        if (!texts.Any())
        {
            var section = configuration.GetSection(GatewaysKey);
            texts = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? string.Empty);
        }

        var gateways = texts
            .SelectMany(text => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(GatewayAddress.Parse)
            .Distinct()
            .ToList();
        if (gateways.Count == 0)
        {
            gateways.Add(GatewayAddress.Parse(DefaultGateway));
        }

        var clusterId = commandLine.GetValue(GlobalOptions.ClusterId) ?? configuration[ClusterIdKey];
        return new ClientSettings(gateways, string.IsNullOrWhiteSpace(clusterId) ? DefaultClusterId : clusterId.Trim());
    }
}
