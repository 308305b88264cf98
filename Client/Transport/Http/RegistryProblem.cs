using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Client.Transport.Http;

/// <summary>Turns a refusal of the registry's HTTP API into the exception the Orleans transport raises for the same refusal.</summary>
internal static class RegistryProblem
{
    // The registry's problem bodies are small; a larger one is not read whole.
    private const int MaxProblemBytes = 64 * 1024;

    public static async Task<Exception> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (title, detail, field) = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // The registry's detail already reads "field: what is wrong".
            var message = detail ?? title ?? "The registry refused the request.";
            return field is null ? new RegistryValidationException(message) : RegistryValidationException.Refused(field, message);
        }

        return new HttpRequestException(
            $"The registry answered {(int)response.StatusCode} ({title ?? response.ReasonPhrase}){(detail is null ? string.Empty : ": " + detail)}",
            inner: null,
            response.StatusCode);
    }

    private static async Task<(string? Title, string? Detail, string? Field)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxProblemBytes || response.Content.Headers.ContentType?.MediaType is not { } type || !type.Contains("json", StringComparison.Ordinal))
        {
            return (null, null, null);
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            return problem.ValueKind == JsonValueKind.Object
                ? (Text(problem, "title"), Text(problem, "detail"), Text(problem, "field"))
                : (null, null, null);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
