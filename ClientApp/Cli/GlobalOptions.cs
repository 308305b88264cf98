using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Configuration;
using OrleansRegistry.ClientApp.Connection;
using OrleansRegistry.Grains;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// Options every command accepts, before or after its name: where the registry is (its gateways or
/// its HTTP API, never both), which CA it has, the API key, the namespace, and <c>--json</c>.
/// </summary>
internal sealed class GlobalOptions
{
    public GlobalOptions()
    {
        Registry.Validators.Add(result =>
        {
            if (result.GetResult(Gateway) is not null)
            {
                result.AddError("--gateway and --registry cannot be used together: --gateway reaches the registry as an Orleans client, --registry over its HTTP API; give one of them");
            }
            else if (result.GetResult(ClusterId) is not null)
            {
                result.AddError("--cluster-id is only for --gateway: the HTTP API needs no cluster id");
            }
        });
        ApiKey.Validators.Add(result =>
        {
            if (result.GetResult(Gateway) is not null)
            {
                result.AddError("--api-key is only for --registry: the gateways take no key");
            }
        });
    }

    public Option<GatewayAddress[]> Gateway { get; } = new("--gateway")
    {
        Description = $"a silo's client gateway; repeatable (default {ClientSettings.DefaultGateway}, or Registry__Gateways__0=HOST:PORT)",
        HelpName = "HOST:PORT",
        Recursive = true,
        CustomParser = ParseGateways,
    };

    public Option<Uri[]> Registry { get; } = new("--registry")
    {
        Description = "the registry's HTTP API, instead of gateways; repeatable, the next is tried when one does not answer (or Registry__Client__Url=URL)",
        HelpName = "URL",
        Recursive = true,
        CustomParser = ParseRegistries,
    };

    public Option<string> ApiKey { get; } = new("--api-key")
    {
        Description = "with --registry: the key sent as X-Api-Key (or Registry__Client__ApiKey)",
        HelpName = "KEY",
        Recursive = true,
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = $"the cluster's Orleans:ClusterId (default {ClientSettings.DefaultClusterId}, or Orleans__ClusterId)",
        HelpName = "ID",
        Recursive = true,
    };

    public Option<string> CaCertificate { get; } = new("--ca-certificate")
    {
        Description = $"speak TLS to the gateways (or https to --registry), trusting the CA certificates of this PEM file (or Registry__Tls__CaCertificatePath)",
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

    public IEnumerable<Option> All => [Gateway, Registry, ClusterId, CaCertificate, ApiKey, Namespace, Json];

    /// <summary>The options' values, falling back on configuration (see <see cref="ClientSettings.Read"/>).</summary>
    public ClientSettings ReadSettings(ParseResult parseResult, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var options = new ClientOptionValues(
            parseResult.GetValue(Gateway) ?? [],
            parseResult.GetValue(Registry) ?? [],
            parseResult.GetValue(ClusterId),
            parseResult.GetValue(CaCertificate),
            parseResult.GetValue(ApiKey));
        return ClientSettings.Read(options, configuration);
    }

    /// <summary>Every <c>--gateway</c> given (each may hold a comma-separated list); a malformed one is a parse error.</summary>
    private static GatewayAddress[] ParseGateways(ArgumentResult result) => ParseList(result, GatewayAddress.ParseList);

    /// <summary>Every <c>--registry</c> given (each may hold a comma-separated list); a malformed one is a parse error.</summary>
    private static Uri[] ParseRegistries(ArgumentResult result) => ParseList(result, RegistryUrl.ParseList);

    private static T[] ParseList<T>(ArgumentResult result, Func<string, IEnumerable<T>> parseList)
    {
        try
        {
            return [.. result.Tokens.SelectMany(token => parseList(token.Value))];
        }
        catch (FormatException exception)
        {
            result.AddError(exception.Message);
            return [];
        }
    }
}
