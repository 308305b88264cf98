using System.CommandLine;
using System.Net.Http;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Contracts;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>call SERVICE METHOD PATH [--body FILE] [--strategy S]</c>: one HTTP call to the service
/// through the client library (discover, pick, lease, retries on other instances, breakers), as a
/// .NET service in the fleet would make it. Prints the status, the instance that answered and the body.
/// </summary>
internal sealed class CallCommand : RegistryCommand
{
    private readonly Argument<string> _service = CommandArguments.Service();
    private readonly Argument<string> _method = new("METHOD") { Description = "the HTTP method, such as GET or POST" };
    private readonly Argument<string> _path = new("PATH") { Description = "the path to call on the instance, starting with '/'" };
    private readonly Option<string> _body = new("--body") { Description = "send this file as the request body ('-' for standard input)", HelpName = "FILE" };
    private readonly StrategyOption _strategy = new("how to pick (default: the client library's)");

    public CallCommand()
        : base("call", "call the service over HTTP through the client library (exit 4 when it answers an error or cannot be reached)")
    {
        _method.Validators.Add(result =>
        {
            var method = result.GetValueOrDefault<string>();
            if (method.Length == 0 || method.Any(c => !char.IsAsciiLetter(c)))
            {
                result.AddError($"METHOD must be an HTTP method such as GET or POST, not '{method}'");
            }
        });
        _path.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (!path.StartsWith('/'))
            {
                result.AddError($"PATH must start with '/', not '{path}'");
            }
        });
        Arguments.Add(_service);
        Arguments.Add(_method);
        Arguments.Add(_path);
        Options.Add(_body);
        Options.Add(_strategy);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var (serviceName, method, path) = (parseResult.GetRequiredValue(_service), parseResult.GetRequiredValue(_method), parseResult.GetRequiredValue(_path));
        RegistryValidator.ValidateServiceName(serviceName);
        var strategy = _strategy.Read(parseResult);

        ReadOnlyMemory<byte>? body = null;
        if (parseResult.GetValue(_body) is { } bodyFile)
        {
            body = bodyFile == "-"
                ? await ReadStandardInputAsync(cancellationToken)
                : await ReadFileAsync(bodyFile, cancellationToken);
        }

        var services = await context.ServicesAsync(cancellationToken);
        var client = services.GetRequiredService<IServiceClient>();
        ServiceResponse response;
        try
        {
            response = await client.SendAsync(
                new ServiceRequest(serviceName, new HttpMethod(method.ToUpperInvariant()), path) { Body = body, Strategy = strategy },
                cancellationToken);
        }
        catch (NoInstanceAvailableException exception)
        {
            context.Output.Error(exception.Message);
            return ExitCodes.NotFound;
        }
        catch (RegistryUnavailableException exception)
        {
            context.Output.Error($"the registry failed: {exception.Message}");
            return ExitCodes.RegistryFailed;
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            context.Output.Error($"calling {serviceName} failed: {exception.Message}");
            return ExitCodes.ServiceFailed;
        }

        Print(context, response);
        return response.IsSuccessStatusCode ? ExitCodes.Ok : ExitCodes.ServiceFailed;
    }

    private static void Print(CommandContext context, ServiceResponse response)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(writer =>
            {
                writer.WriteNumber("status", (int)response.StatusCode);
                writer.WriteNumber("attempt", response.Attempt);
                writer.WritePropertyName("instance");
                JsonSerializer.Serialize(writer, response.Instance.ToDocument(), RegistryJsonContext.Default.ServiceInstanceDocument);
                if (response.ReadJson() is { } json)
                {
                    writer.WritePropertyName("body");
                    json.WriteTo(writer);
                }
                else
                {
                    writer.WriteString("body", response.ReadText());
                }
            });
            return;
        }

        var instance = response.Instance;
        context.Output.Line($"{(int)response.StatusCode} {response.StatusCode} from {instance.Id} ({instance.Host}:{instance.Port}), attempt {response.Attempt}");
        var text = response.ReadText();
        if (text.Length > 0)
        {
            context.Output.Line(text);
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RegistryValidationException("body", $"cannot read '{path}': {exception.Message}");
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await Console.OpenStandardInput().CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
