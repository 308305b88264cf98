using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansRegistry.Contracts;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>The RFC 7807 answers of the API. Each names what was wrong; <c>field</c> names the offending input.</summary>
internal static class Problems
{
    public static IResult Invalid(RegistryValidationException exception) =>
        Create(StatusCodes.Status400BadRequest, "Invalid input", exception.Message, string.IsNullOrEmpty(exception.Field) ? null : exception.Field);

    public static IResult Input(HttpInputException exception) =>
        Create(exception.StatusCode, exception.Title, exception.Message, exception.Field);

    public static IResult MalformedJson(JsonException exception)
    {
        var where = exception.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var position = exception.LineNumber is { } line && exception.BytePositionInLine is { } column
            ? $" (line {line + 1}, byte {column + 1})"
            : string.Empty;
        return Create(
            StatusCodes.Status400BadRequest,
            "Malformed JSON",
            $"The body is not valid JSON of the expected shape{where}{position}.",
            FieldOf(exception.Path));
    }

    public static IResult BadRequest(BadHttpRequestException exception) =>
        Create(
            exception.StatusCode,
            exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Body too large" : "Bad request",
            exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"The body exceeds {HttpApiLimits.MaxBodyBytes} bytes."
                : exception.Message);

    public static IResult NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult NoHealthyInstance(string serviceName, bool filtered = false) =>
        Create(StatusCodes.Status503ServiceUnavailable, ProblemTitles.NoHealthyInstance, filtered
            ? $"Service '{serviceName}' has no healthy instance that the filter keeps."
            : $"Service '{serviceName}' has no healthy instance to select.");

    public static IResult Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, "API key required", $"This needs a valid key in the {RegistryHeaders.ApiKey} header.");

    public static IResult Forbidden() =>
        Create(StatusCodes.Status403Forbidden, "Not allowed", $"The key in the {RegistryHeaders.ApiKey} header does not grant this access to this namespace.");

    public static IResult NotReady(string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, "Not ready", detail);

    private static ProblemHttpResult Create(int status, string title, string detail, string? field = null)
    {
        Dictionary<string, object?>? extensions = field is null ? null : new() { ["field"] = field };
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary><c>$.port</c> → <c>port</c>, <c>$.metadata.zone</c> → <c>metadata.zone</c>; null for the whole body.</summary>
    private static string? FieldOf(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
}
