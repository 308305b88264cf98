using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// The last resort for failures of the registry itself (<see cref="InputProblemHandler"/> takes
/// input problems first). The cluster being unreachable or slow is a 503 worth
/// retrying; anything else a 500. Neither leaks exception details to the caller.
/// </summary>
internal sealed partial class RegistryFailureHandler(IProblemDetailsService problemDetails, ILogger<RegistryFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var unavailable = exception is TimeoutException or OrleansException;
        var status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        LogFailed(logger, exception, httpContext.Request.Method, httpContext.Request.Path, status);

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = unavailable ? "Registry unavailable" : "Registry failure",
                Detail = unavailable
                    ? "The registry's cluster did not answer in time; retry shortly."
                    : "The registry failed to handle the request; the failure is logged.",
            },
        });
    }
}
