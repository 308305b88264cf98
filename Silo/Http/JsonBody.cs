using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Reads a JSON request body through the registry's source-generated contract, at most
/// <see cref="HttpApiLimits.MaxBodyBytes"/>. The whole body must be one JSON value.
/// </summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (!string.IsNullOrEmpty(request.ContentType) && !IsJson(request.ContentType))
        {
            throw new HttpInputException(
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type",
                $"The body must be application/json, not '{request.ContentType}'.");
        }

        if (request.ContentLength > HttpApiLimits.MaxBodyBytes)
        {
            throw TooLarge();
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > HttpApiLimits.MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw TooLarge();
            }

            if (result.IsCompleted)
            {
                try
                {
                    // Deserializing from the whole span (not a reader) also refuses trailing content after the value.
                    var value = buffer.IsSingleSegment
                        ? JsonSerializer.Deserialize(buffer.FirstSpan, typeInfo)
                        : JsonSerializer.Deserialize(buffer.ToArray(), typeInfo);
                    return value ?? throw new HttpInputException(StatusCodes.Status400BadRequest, "Malformed JSON", "The body must be a JSON object, not null.");
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool IsJson(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        return mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
    }

    private static HttpInputException TooLarge() => new(
        StatusCodes.Status413PayloadTooLarge,
        "Body too large",
        $"The body exceeds {HttpApiLimits.MaxBodyBytes} bytes.");
}
