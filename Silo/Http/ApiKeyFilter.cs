namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Guards a write: when keys are configured the request needs exactly one <c>X-Api-Key</c> that
/// matches one of them, else 401 before the body is read or anything is stored.
/// </summary>
internal sealed partial class ApiKeyFilter(ApiKeyRing keys, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!keys.IsEnabled)
        {
            return await next(context);
        }

        var http = context.HttpContext;
        var presented = http.Request.Headers[RegistryHeaders.ApiKey];
        if (presented.Count == 1 && keys.Accepts(presented[0]))
        {
            return await next(context);
        }

        LogRejected(logger, http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress);
        http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{RegistryHeaders.ApiKey}\"";
        return Problems.Unauthorized();
    }
}
