using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Configuration;
using OrleansRegistry.ClientApp.Connection;
using OrleansRegistry.Grains;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>Options every command accepts, before or after its name: where the cluster is, which CA it has, the namespace, and <c>--json</c>.</summary>
internal sealed class GlobalOptions
{
    public Option<GatewayAddress[]> Gateway { get; } = new("--gateway")
    {
        Description = $"a silo's client gateway; repeatable (default {ClientSettings.DefaultGateway}, or Registry__Gateways__0=HOST:PORT)",
        HelpName = "HOST:PORT",
        Recursive = true,
        CustomParser = ParseGateways,
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = $"the cluster's Orleans:ClusterId (default {ClientSettings.DefaultClusterId}, or Orleans__ClusterId)",
        HelpName = "ID",
        Recursive = true,
    };

    public Option<string> CaCertificate { get; } = new("--ca-certificate")
    {
        Description = $"speak TLS to the gateways, trusting the CA certificates of this PEM file (or Registry__Tls__CaCertificatePath)",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string> Namespace { get; } = new("--namespace", "-n")
    {
        Description = $"the namespace of the services a command addresses (default {ServiceKey.DefaultNamespace})",
        HelpName = "NAMESPACE",
        Recursive = true,
        DefaultValueFactory = _ => ServiceKey.DefaultNamespace,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "print the HTTP API's JSON, one document per line",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Gateway, ClusterId, CaCertificate, Namespace, Json];

    /// <summary>The options' values, falling back on configuration (see <see cref="ClientSettings.Read"/>).</summary>
    public ClientSettings ReadSettings(ParseResult parseResult, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return ClientSettings.Read(parseResult.GetValue(Gateway) ?? [], parseResult.GetValue(ClusterId), parseResult.GetValue(CaCertificate), configuration);
    }

    /// <summary>Every <c>--gateway</c> given (each may hold a comma-separated list); a malformed one is a parse error.</summary>
    private static GatewayAddress[] ParseGateways(ArgumentResult result)
    {
        try
        {
            return [.. result.Tokens.SelectMany(token => GatewayAddress.ParseList(token.Value))];
        }
        catch (FormatException exception)
        {
            result.AddError(exception.Message);
            return [];
        }
    }
}
