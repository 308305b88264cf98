namespace OrleansRegistry.Silo.Http;

public static class HttpApiEndpointExtensions
{
    /// <summary>Maps the registry's HTTP API, its OpenAPI document and the probes, with problem details for every error.</summary>
    public static WebApplication MapRegistryHttpApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRegistryApiKeys();

        var api = app.MapGroup(string.Empty).AddEndpointFilter<InputProblemFilter>().RequireReadAccessWhenProtected(app.Services);
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
}
