using System.CommandLine;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// <c>--strategy</c> of <c>select</c> and <c>call</c>. An unknown name is refused like any other bad
/// field (exit 2 naming <c>strategy</c>), before anything is sent.
/// </summary>
internal sealed class StrategyOption : Option<string>
{
    private static readonly string Names = string.Join(", ", LoadBalancingStrategyNames.All);

    public StrategyOption(string description)
        : base("--strategy")
    {
        Description = $"{description}: {Names}";
        HelpName = "S";
    }

    /// <summary>The strategy asked for, or null when the option was not given.</summary>
    public LoadBalancingStrategy? Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.GetValue(this) is not { } name)
        {
            return null;
        }

        return LoadBalancingStrategyNames.TryParse(name, out var strategy)
            ? strategy
            : throw new RegistryValidationException("strategy", $"must be one of {Names}");
    }
}
