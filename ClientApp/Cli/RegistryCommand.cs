using System.CommandLine;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// One CLI command: its name, arguments and options, which System.CommandLine parses and documents,
/// and what it does. A command checks its whole input before it connects (bad input must never
/// reach the registry), then connects through <see cref="CommandContext.ConnectAsync"/>.
/// </summary>
internal abstract class RegistryCommand(string name, string description) : Command(name, description)
{
    /// <summary>Runs the command on a line that parsed; returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public abstract Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken);
}
