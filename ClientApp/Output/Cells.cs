using System.Globalization;
using System.Text;
using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;
using Spectre.Console;

namespace OrleansRegistry.ClientApp.Output;

/// <summary>Table cells. Registry data is shown as plain <see cref="Text"/>, never as markup, so a '[' in a value cannot break the output.</summary>
internal static class Cells
{
    public static Text Plain(string? value) => new(value ?? string.Empty);

    public static Text Number(int value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static Text Time(DateTimeOffset value) =>
        new(value == default ? "-" : value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public static Text Status(ServiceInstance instance)
    {
        var text = instance.Status.ToWire() + (instance.Panic ? " (panic)" : string.Empty) + (instance.Maintenance is not null ? " (maintenance)" : string.Empty);
        var color = instance.Status switch
        {
            ServiceStatus.Healthy => Color.Green,
            ServiceStatus.Unhealthy => Color.Red,
            _ => Color.Yellow,
        };
        return new Text(text, new Style(color));
    }

    /// <summary>A JSON value on one line, whatever layout it was stored with.</summary>
    public static Text Json(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                document.RootElement.WriteTo(writer);
            }

            return new Text(Encoding.UTF8.GetString(buffer.ToArray()));
        }
        catch (JsonException)
        {
            return new Text(json);
        }
    }

    public static Text Metadata(IReadOnlyDictionary<string, string> metadata) =>
        new(string.Join(", ", metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}={entry.Value}")));
}
