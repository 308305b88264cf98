using System.CommandLine;
using Microsoft.Extensions.Configuration;
using OrleansRegistry.ClientApp.Connection;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Grains;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// Runs a command whose line parsed: gives it its settings, output and connection, and turns every
/// failure into a message on standard error and an exit code.
/// </summary>
internal sealed class CommandRunner(GlobalOptions globals, IConfiguration configuration, bool outputIsTerminal)
{
    public async Task<int> RunAsync(RegistryCommand command, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parseResult);
        var invocation = parseResult.InvocationConfiguration;
        var error = invocation.Error;
        try
        {
            var settings = globals.ReadSettings(parseResult, configuration);
            var output = new CliOutput(invocation.Output, error, parseResult.GetValue(globals.Json), outputIsTerminal);
            var ns = parseResult.GetValue(globals.Namespace) ?? ServiceKey.DefaultNamespace;
            ServiceKey.ValidateNamespace(ns);
            await using var context = new CommandContext(settings, output, ns);
            return await command.ExecuteAsync(context, parseResult, cancellationToken);
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
            return ExitCodes.Interrupted;
        }
        catch (TimeoutException exception)
        {
            await error.WriteLineAsync($"error: the registry did not answer in time: {exception.Message}");
            return ExitCodes.RegistryFailed;
        }
        catch (Exception exception) when (exception is OrleansException or IOException or HttpRequestException or OperationCanceledException)
        {
            // A silo that dies mid-call surfaces as SiloUnavailableException or an aborted connection;
            // a registry that fails over HTTP answers 5xx.
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
}
