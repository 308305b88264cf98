using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// The command line, on System.CommandLine: the root with the global options, the commands of
/// <see cref="CommandCatalog"/> and <c>help</c>. Parsing, help and usage errors are the library's;
/// Ctrl+C cancels the running command's token (the library's handler).
/// </summary>
internal static class CliApplication
{
    public const string ProgramName = "registry-cli";

    /// <summary>Runs against the real console and environment.</summary>
    public static Task<int> RunConsoleAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return RunAsync(args, configuration, new InvocationConfiguration(), !Console.IsOutputRedirected);
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IConfiguration configuration, InvocationConfiguration invocation, bool outputIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var parseResult = BuildRoot(configuration, outputIsTerminal).Parse(args);
        if (parseResult.Errors.Count == 0)
        {
            return await parseResult.InvokeAsync(invocation);
        }

        // The library prints the error with the usage and exits 1; the CLI's code for bad usage is 2
        // (nothing was sent), and the usage goes to standard error too, so standard output only ever
        // carries results.
        await parseResult.InvokeAsync(new InvocationConfiguration { Output = invocation.Error, Error = invocation.Error });
        return ExitCodes.InvalidInput;
    }

    private static RootCommand BuildRoot(IConfiguration configuration, bool outputIsTerminal)
    {
        var globals = new GlobalOptions();
        var runner = new CommandRunner(globals, configuration, outputIsTerminal);
        var root = new RootCommand("A command-line client of the Orleans service registry.") { HelpName = ProgramName };
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        var commands = CommandCatalog.Create();
        foreach (var command in commands)
        {
            command.SetAction((parseResult, cancellationToken) => runner.RunAsync(command, parseResult, cancellationToken));
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(HelpCommand(root, commands.Select(command => command.Name).ToArray()));
        return root;
    }

    /// <summary><c>help [COMMAND]</c>: the library's help, as <c>[COMMAND] --help</c> prints it.</summary>
    private static Command HelpCommand(RootCommand root, string[] commandNames)
    {
        var topic = new Argument<string>("COMMAND") { Description = "the command to describe", HelpName = "COMMAND", Arity = ArgumentArity.ZeroOrOne };
        topic.AcceptOnlyFromAmong(commandNames);
        var help = new Command("help", "show help for the CLI or one command") { topic };
        help.SetAction((parseResult, cancellationToken) =>
        {
            string[] line = parseResult.GetValue(topic) is { } name ? [name, "--help"] : ["--help"];
            return root.Parse(line).InvokeAsync(parseResult.InvocationConfiguration, cancellationToken);
        });
        return help;
    }
}
