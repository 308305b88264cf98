using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>How a CLI test reaches the registry: through the silo's client gateway, or its HTTP API.</summary>
public enum CliTransport
{
    Gateway,
    Registry,
}

/// <summary>
/// The real silo <c>Program</c> (see <see cref="RegistryHttpFixture"/>), which serves both the HTTP API
/// and an Orleans client gateway, so one CLI test body runs over either transport against the same registry.
/// </summary>
public sealed class CliTransportsFixture : RegistryHttpFixture
{
    /// <summary>The silo's client gateway, as <c>host:port</c>.</summary>
    public string Gateway
    {
        get
        {
            var endpoint = Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
            var address = endpoint.AdvertisedIPAddress ?? System.Net.IPAddress.Loopback;
            return string.Create(CultureInfo.InvariantCulture, $"{address}:{endpoint.GatewayPort}");
        }
    }

    public string ClusterId => Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;

    /// <summary>The HTTP API's address as a user types it (no trailing slash).</summary>
    public string RegistryUrl => BaseAddress.ToString().TrimEnd('/');

    /// <summary>The global options that point the CLI at this silo over <paramref name="transport"/>.</summary>
    public string[] Options(CliTransport transport) => transport switch
    {
        CliTransport.Gateway => ["--gateway", Gateway, "--cluster-id", ClusterId],
        _ => ["--registry", RegistryUrl],
    };

    /// <summary>Runs the CLI against this silo over <paramref name="transport"/>.</summary>
    public Task<CliResult> RunAsync(CliTransport transport, params string[] args) =>
        CliRunner.RunAsync([.. Options(transport), .. args]);
}

/// <summary>
/// Run after the parallel collections and alone: each test starts a dozen CLI processes, and on a
/// small machine that load beside the other CLI tests pushes their gateway connections past the
/// CLI's 5 s connect bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliTransportsCollection : ICollectionFixture<CliTransportsFixture>
{
    public const string Name = "cli transports";
}
