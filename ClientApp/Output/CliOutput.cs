using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrleansRegistry.ClientApp.Output;

/// <summary>
/// Where a command writes: tables and text for people, or (with <c>--json</c>) one wire-format JSON
/// document per line on standard output for scripts. Errors always go to standard error as text.
/// </summary>
internal sealed class CliOutput
{
    // Redirected output has no terminal width; a wide page keeps each table row on one line for grep.
    private const int RedirectedWidth = 240;

    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public CliOutput(TextWriter output, TextWriter error, bool json, bool outputIsTerminal)
    {
        _out = output;
        _error = error;
        Json = json;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = outputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = outputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!outputIsTerminal)
        {
            Console.Profile.Width = RedirectedWidth;
        }
    }

    /// <summary>True when the user asked for <c>--json</c>.</summary>
    public bool Json { get; }

    public IAnsiConsole Console { get; }

    public void Write(IRenderable renderable) => Console.Write(renderable);

    /// <summary>A line of plain text (never parsed as markup).</summary>
    public void Line(string text) => Console.Write(new Text(text + Environment.NewLine));

    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        _out.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        _out.Flush();
    }

    /// <summary>A small JSON object for results that have no wire document (deregister, heartbeat).</summary>
    public void WriteJson(Action<Utf8JsonWriter> writeProperties)
    {
        ArgumentNullException.ThrowIfNull(writeProperties);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        _out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        _out.Flush();
    }

    public void Error(string message)
    {
        _error.WriteLine(message);
        _error.Flush();
    }
}
