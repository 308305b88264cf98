using Microsoft.Extensions.Configuration;
using OrleansRegistry.ClientApp.Connection;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>The dispatcher: finds the command, runs it, and turns every failure into a message and an exit code.</summary>
internal static class CliApplication
{
    private const int Interrupted = 130;

    /// <summary>Runs against the real console and environment; Ctrl+C cancels the running command.</summary>
    public static async Task<int> RunConsoleAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            return await RunAsync(args, configuration, Console.Out, Console.Error, !Console.IsOutputRedirected, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        IConfiguration configuration,
        TextWriter output,
        TextWriter error,
        bool outputIsTerminal,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ICliCommand? command = null;
        try
        {
            var commandIndex = FindCommandIndex(args);
            var commandName = commandIndex < 0 ? null : args[commandIndex];
            var rest = args.Where((_, i) => i != commandIndex).ToList();

            if (commandName is null or "help")
            {
                return Help(commandName, rest, output, error);
            }

            command = CommandCatalog.Find(commandName) ?? throw new UsageException($"unknown command '{commandName}'");
            var commandLine = CommandLineParser.Parse(rest, GlobalOptions.Accepted.Merge(command.Options));
            if (commandLine.HasFlag(GlobalOptions.Help))
            {
                await output.WriteLineAsync(CommandCatalog.UsageOf(command));
                return ExitCodes.Ok;
            }

            var settings = ClientSettings.Read(commandLine, configuration);
            var cliOutput = new CliOutput(output, error, commandLine.HasFlag(GlobalOptions.Json), outputIsTerminal);
            await using var context = new CommandContext(settings, cliOutput);
            return await command.ExecuteAsync(context, commandLine, cancellationToken);
        }
        catch (UsageException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            await error.WriteLineAsync(command is null ? $"run '{CommandCatalog.ProgramName} help' for the commands" : CommandCatalog.UsageOf(command));
            return ExitCodes.InvalidInput;
        }
        catch (RegistryValidationException exception)
        {
            await error.WriteLineAsync($"invalid input: {exception.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (RegistryUnreachableException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.RegistryFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted");
            return Interrupted;
        }
        catch (TimeoutException exception)
        {
            await error.WriteLineAsync($"error: the registry did not answer in time: {exception.Message}");
            return ExitCodes.RegistryFailed;
        }
        catch (Exception exception) when (exception is OrleansException or IOException or OperationCanceledException)
        {
            // A silo that dies mid-call surfaces as SiloUnavailableException or an aborted connection.
            await error.WriteLineAsync($"error: the registry failed: {exception.Message}");
            return ExitCodes.RegistryFailed;
        }
        catch (Exception exception)
        {
            // Anything else the registry threw back (or a fault of our own): still a message and a documented code, not a crash dump.
            await error.WriteLineAsync($"error: unexpected failure: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.RegistryFailed;
        }
    }

    /// <summary>The first argument that is neither a global option nor a global option's value.</summary>
    private static int FindCommandIndex(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                return i;
            }

            var name = arg.TrimStart('-');
            if (GlobalOptions.Accepted.Values.Contains(name))
            {
                i++;
            }
        }

        return -1;
    }

    private static int Help(string? commandName, List<string> rest, TextWriter output, TextWriter error)
    {
        var helpLine = CommandLineParser.Parse(rest, GlobalOptions.Accepted);
        var asked = commandName is not null || helpLine.HasFlag(GlobalOptions.Help);
        if (commandName is not null && helpLine.Positionals.Count > 0)
        {
            var topic = helpLine.Positionals[0];
            var command = CommandCatalog.Find(topic) ?? throw new UsageException($"unknown command '{topic}'");
            output.WriteLine(CommandCatalog.UsageOf(command));
            output.WriteLine($"  {command.Summary}");
            return ExitCodes.Ok;
        }

        (asked ? output : error).WriteLine(CommandCatalog.Usage());
        return asked ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }
}
