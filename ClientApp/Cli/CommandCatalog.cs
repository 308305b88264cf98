using OrleansRegistry.ClientApp.Commands;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>Every command the CLI knows, in the order usage lists them. A new command is one line here.</summary>
internal static class CommandCatalog
{
    public const string ProgramName = "registry-cli";

    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new ServicesCommand(),
        new InstancesCommand(),
        new RegisterCommand(),
        new DeregisterCommand(),
        new HeartbeatCommand(),
        new DefineCommand(),
        new DefinitionCommand(),
        new SelectCommand(),
        new CallCommand(),
        new WatchCommand(),
    ];

    public static ICliCommand? Find(string name) =>
        All.FirstOrDefault(command => string.Equals(command.Name, name, StringComparison.Ordinal));

    public static string UsageOf(ICliCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return $"usage: {ProgramName} [--gateway HOST:PORT]... [--cluster-id ID] [--json] {command.Name} {command.Synopsis}".TrimEnd();
    }

    public static string Usage()
    {
        var lines = new List<string>
        {
            $"usage: {ProgramName} [--gateway HOST:PORT]... [--cluster-id ID] [--json] COMMAND [ARGS]",
            string.Empty,
            "commands:",
        };
        foreach (var command in All)
        {
            lines.Add($"  {command.Name} {command.Synopsis}".TrimEnd());
            lines.Add($"      {command.Summary}");
        }

        lines.AddRange(
        [
            string.Empty,
            "options:",
            $"  --gateway HOST:PORT  a silo's client gateway; repeatable (default {Connection.ClientSettings.DefaultGateway}, or Registry__Gateways__0=HOST:PORT)",
            $"  --cluster-id ID      the cluster's Orleans:ClusterId (default {Connection.ClientSettings.DefaultClusterId}, or Orleans__ClusterId)",
            "  --json               print the HTTP API's JSON, one document per line",
            string.Empty,
            "exit codes: 0 ok, 1 not found or no healthy instance, 2 bad input, 3 registry unreachable or failed, 4 the called service answered with an error or could not be reached",
        ]);
        return string.Join(Environment.NewLine, lines);
    }
}
