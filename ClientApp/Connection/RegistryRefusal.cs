using System.Net;
using OrleansRegistry.Client.Transport.Http;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>
/// A refusal of the registry's HTTP API (its problem details, read by the client library's <see cref="RegistryProblem"/>), as the CLI reports
/// it: a 4xx is a <see cref="RegistryValidationException"/> (invalid input, exit 2, as the Orleans
/// path reports the registry's refusals); anything else an <see cref="HttpRequestException"/> (the
/// registry failed, exit 3).
/// </summary>
internal static class RegistryRefusal
{
    public static Exception ToException(HttpResponseMessage response, RegistryProblem problem)
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
}
