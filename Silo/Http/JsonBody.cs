using System.Buffers;
using System.IO.Pipelines;
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
            var result = await ReadFramedAsync(reader, cancellationToken);
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

    /// <summary>
    /// The next part of the body. Kestrel reports most framing errors as <see cref="BadHttpRequestException"/>
    /// (the filter turns those into their 4xx), but a chunk size that overflows as a bare
    /// <see cref="IOException"/>: that is the client's fault too, so it is a 400 here.
    /// </summary>
    private static async ValueTask<ReadResult> ReadFramedAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (IOException exception) when (exception is not BadHttpRequestException)
        {
            throw new HttpInputException(
                StatusCodes.Status400BadRequest,
                "Unreadable body",
                $"The body's HTTP framing is broken: {exception.Message}",
                exception);
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
