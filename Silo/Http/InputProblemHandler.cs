using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Turns refused input into 4xx problem details, wherever it was detected: in the query string,
/// in a handler, in the wire mapping, while reading the body, or inside a grain (whose
/// <see cref="RegistryValidationException"/> crosses the call). It runs before
/// <see cref="RegistryFailureHandler"/>, which takes whatever is left: a failure of the registry.
/// Being an exception handler rather than an endpoint filter, it costs a request nothing until
/// something is refused.
/// </summary>
internal sealed class InputProblemHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RegistryValidationException invalid => Problems.Invalid(invalid),
            HttpInputException input => Problems.Input(input),
            JsonException json => Problems.MalformedJson(json),
            BadHttpRequestException { StatusCode: >= 400 and < 500 } badRequest => Problems.BadRequest(badRequest),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
