using System.CommandLine;
using System.Text.Json;
using OrleansRegistry.ClientApp.Cli;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// <c>define SERVICE --file FILE</c>: puts a definition written in the HTTP API's JSON
/// (<c>--file -</c> reads standard input). <c>name</c> may be omitted but must match SERVICE when given.
/// </summary>
internal sealed class DefineCommand : RegistryCommand
{
    private const string File = "file";
    private const int MaxFileBytes = 1024 * 1024;

    private readonly Argument<string> _service = CommandArguments.Service();
    private readonly Option<string> _file = new("--file")
    {
        Description = "the definition as the HTTP API's JSON ('-' for standard input)",
        HelpName = "FILE",
        Required = true,
    };

    public DefineCommand()
        : base("define", "put a service definition from a JSON file")
    {
        Arguments.Add(_service);
        Options.Add(_file);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var serviceName = parseResult.GetRequiredValue(_service);
        var path = parseResult.GetRequiredValue(_file);
        var definition = Parse(await ReadAsync(path, cancellationToken)).ToDefinition(serviceName);

        var registry = await context.ConnectAsync(cancellationToken);
        await registry.PutDefinitionAsync(definition, cancellationToken);

        if (context.Output.Json)
        {
            context.Output.WriteJson(definition.ToDocument(), RegistryJsonContext.Default.ServiceDefinitionDocument);
        }
        else
        {
            context.Output.Line($"stored the definition of {definition.Name} (version {definition.Version}, {definition.Endpoints.Count} endpoints)");
        }

        return ExitCodes.Ok;
    }

    private static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = path == "-" ? Console.OpenStandardInput() : System.IO.File.OpenRead(path);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxFileBytes)
                {
                    throw new RegistryValidationException(File, $"'{path}' is larger than {MaxFileBytes / 1024} KiB");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RegistryValidationException(File, $"cannot read '{path}': {exception.Message}");
        }
    }

    private static ServiceDefinitionDocument Parse(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, RegistryJsonContext.Default.ServiceDefinitionDocument)
                ?? throw new RegistryValidationException("definition", "must be a JSON object");
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } jsonPath ? jsonPath.TrimStart('$', '.') : "definition";
            var where = exception.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            throw new RegistryValidationException(field, $"is not valid JSON for a service definition{where}");
        }
    }
}
