namespace OrleansRegistry.Silo.Http;

public static class HttpApiEndpointExtensions
{
    /// <summary>Maps the registry's HTTP API, its OpenAPI document and the probes, with problem details for every error.</summary>
    public static WebApplication MapRegistryHttpApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RefuseControlCharactersInQuery);
        app.UseRegistryApiKeys();

        var api = app.MapGroup(string.Empty).RequireReadAccessWhenProtected(app.Services);
        api.MapCatalogEndpoints();
        api.MapInstanceEndpoints();
        api.MapMaintenanceEndpoints();
        api.MapSelectionEndpoints();
        api.MapDefinitionEndpoints();
        api.MapServiceHealthEndpoints();
        api.MapServiceHistoryEndpoints();
        api.MapProbeEndpoints();
        app.MapOpenApi();
        return app;
    }

    /// <summary>A control character in any query parameter, known to the endpoint or not, is a 400 naming it.</summary>
    private static Task RefuseControlCharactersInQuery(HttpContext context, RequestDelegate next)
    {
        if (context.Request.QueryString.HasValue)
        {
            QueryValues.RefuseControlCharacters(context.Request.Query);
        }

        return next(context);
    }
}
