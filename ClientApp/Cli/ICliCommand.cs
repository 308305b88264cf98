namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// One CLI command. A command checks its whole input before it connects (bad input must never
/// reach the registry), then connects through <see cref="CommandContext.ConnectAsync"/>.
/// </summary>
internal interface ICliCommand
{
    /// <summary>The word that selects the command.</summary>
    string Name { get; }

    /// <summary>Arguments and options after the name, for usage text: <c>SERVICE [--healthy]</c>.</summary>
    string Synopsis { get; }

    /// <summary>One line saying what the command does.</summary>
    string Summary { get; }

    CommandOptions Options { get; }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    Task<int> ExecuteAsync(CommandContext context, CommandLine commandLine, CancellationToken cancellationToken);
}
