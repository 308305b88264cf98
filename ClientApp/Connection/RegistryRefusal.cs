using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>
/// A refusal of the registry's HTTP API, read from its RFC 7807 problem details, as the CLI reports
/// it: a 4xx is a <see cref="RegistryValidationException"/> (invalid input, exit 2, as the Orleans
/// path reports the registry's refusals); anything else an <see cref="HttpRequestException"/> (the
/// registry failed, exit 3).
/// </summary>
internal static class RegistryRefusal
{
    // The registry's problem bodies are small; a larger body is not read.
    private const int MaxProblemBytes = 64 * 1024;

    /// <summary>The problem's <c>title</c>, <c>detail</c> and <c>field</c>; nulls when the body is not problem JSON.</summary>
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content.Headers.ContentLength is > MaxProblemBytes
            || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
        {
            return new Problem(null, null, null);
        }

        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.ValueKind == JsonValueKind.Object
                ? new Problem(Text(body, "title"), Text(body, "detail"), Text(body, "field"))
                : new Problem(null, null, null);
        }
        catch (JsonException)
        {
            return new Problem(null, null, null);
        }
    }

    public static Exception ToException(HttpResponseMessage response, Problem problem)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(problem);
        var status = (int)response.StatusCode;
        var title = problem.Title ?? response.ReasonPhrase ?? response.StatusCode.ToString();
        var answered = $"the registry answered {status} ({title}){(problem.Detail is null ? string.Empty : ": " + problem.Detail)}";
        if (status is >= 400 and < 500)
        {
            // A 400's detail already reads "field: what is wrong", as the grain's refusal does; other
            // refusals (401, 403, 404, 413, ...) say which status they are.
            var message = response.StatusCode == HttpStatusCode.BadRequest && problem.Detail is { } detail ? detail : answered;
            return problem.Field is { } field ? RegistryValidationException.Refused(field, message) : new RegistryValidationException(message);
        }

        return new HttpRequestException(answered, inner: null, response.StatusCode);
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>What an RFC 7807 body says; any part may be missing.</summary>
    public sealed record Problem(string? Title, string? Detail, string? Field);
}
