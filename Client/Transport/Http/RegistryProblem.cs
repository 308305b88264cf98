using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Client.Transport.Http;

/// <summary>What a refusal of the registry's HTTP API says in its RFC 7807 body; any part may be missing.</summary>
internal sealed record RegistryProblem(string? Title, string? Detail, string? Field)
{
    // The registry's problem bodies are small; a larger one is not read.
    private const int MaxProblemBytes = 64 * 1024;

    private static readonly RegistryProblem Unreadable = new(null, null, null);

    /// <summary>The problem's <c>title</c>, <c>detail</c> and <c>field</c>; nulls when the body is not problem JSON.</summary>
    public static async Task<RegistryProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content.Headers.ContentLength is > MaxProblemBytes || response.Content.Headers.ContentType?.MediaType is not { } type || !type.Contains("json", StringComparison.Ordinal))
        {
            return Unreadable;
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            return problem.ValueKind == JsonValueKind.Object
                ? new RegistryProblem(Text(problem, "title"), Text(problem, "detail"), Text(problem, "field"))
                : Unreadable;
        }
        catch (JsonException)
        {
            return Unreadable;
        }
    }

    /// <summary>The exception the Orleans transport raises for the same refusal: a 400 names the field; anything else says its status.</summary>
    public Exception ToException(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // The registry's detail already reads "field: what is wrong".
            var message = Detail ?? Title ?? "The registry refused the request.";
            return Field is null ? new RegistryValidationException(message) : RegistryValidationException.Refused(Field, message);
        }

        return new HttpRequestException(
            $"The registry answered {(int)response.StatusCode} ({Title ?? response.ReasonPhrase}){(Detail is null ? string.Empty : ": " + Detail)}",
            inner: null,
            response.StatusCode);
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
