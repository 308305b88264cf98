using System.Net;
using System.Text;
using System.Text.Json;
using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Calls;

/// <summary>The buffered response of the attempt that ended a call, and where it came from.</summary>
public sealed record ServiceResponse(HttpStatusCode StatusCode, ReadOnlyMemory<byte> Body, string? ContentType, ServiceInstance Instance)
{
    /// <summary>1 for the first attempt, 2 for the first retry, ...</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Response headers (content headers included), each with its values joined by commas.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and <= 299;

    /// <summary>The body as UTF-8 text.</summary>
    public string ReadText() => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The body as a JSON value; null when the body is empty.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public JsonElement? ReadJson()
    {
        if (Body.IsEmpty)
        {
            return null;
        }

        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
