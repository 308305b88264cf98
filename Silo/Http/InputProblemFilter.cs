using System.Text.Json;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Turns refused input into 4xx problem details, wherever it was detected: in the query string
/// (checked here for every endpoint), in the handler, in the wire mapping, or inside a grain (whose
/// <see cref="RegistryValidationException"/> crosses the call). Anything else is a registry failure
/// and goes to the exception handler.
/// </summary>
internal sealed class InputProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            QueryValues.RefuseControlCharacters(context.HttpContext.Request.Query);
            return await next(context);
        }
        catch (RegistryValidationException exception)
        {
            return Problems.Invalid(exception);
        }
        catch (HttpInputException exception)
        {
            return Problems.Input(exception);
        }
        catch (JsonException exception)
        {
            return Problems.MalformedJson(exception);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode is >= 400 and < 500)
        {
            return Problems.BadRequest(exception);
        }
    }
}
