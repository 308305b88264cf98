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
        api.MapServiceRoutes();
        api.MapGroup(ServiceRoute.NamespacePrefix).WithNamespacedNames().MapServiceRoutes();
        api.MapNamespaceEndpoints();
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

    /// <summary>The routes of services: unprefixed for the default namespace, and again under <c>/namespaces/{ns}</c>.</summary>
    private static void MapServiceRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapCatalogEndpoints();
        routes.MapInstanceEndpoints();
        routes.MapMaintenanceEndpoints();
        routes.MapSelectionEndpoints();
        routes.MapDefinitionEndpoints();
        routes.MapServiceHealthEndpoints();
        routes.MapServiceHistoryEndpoints();
    }

    /// <summary>
    /// Names each endpoint of the group <c>Namespaced{Name}</c>: endpoint names (the OpenAPI operation
    /// ids) must be unique, and the same handlers are mapped under both prefixes. Runs after the
    /// endpoints' own conventions, so it sees the name each one gave itself.
    /// </summary>
    private static RouteGroupBuilder WithNamespacedNames(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault() is { } name)
            {
                var namespaced = "Namespaced" + name.EndpointName;
                endpoint.Metadata.Add(new EndpointNameMetadata(namespaced));
                endpoint.Metadata.Add(new RouteNameMetadata(namespaced));
            }
        });
        return group;
    }
}
