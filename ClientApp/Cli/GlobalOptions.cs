namespace OrleansRegistry.ClientApp.Cli;

/// <summary>Options every command accepts, anywhere on the line.</summary>
internal static class GlobalOptions
{
    public const string Gateway = "gateway";
    public const string ClusterId = "cluster-id";
    public const string Json = "json";
    public const string Help = "help";

    public static CommandOptions Accepted { get; } = CommandOptions.Create([Json, Help], [Gateway, ClusterId]);
}
