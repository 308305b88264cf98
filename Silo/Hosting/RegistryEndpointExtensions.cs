using OrleansRegistry.Silo.Http;

namespace OrleansRegistry.Silo.Hosting;

public static class RegistryEndpointExtensions
{
    /// <summary>Maps the registry's HTTP endpoints.</summary>
    public static WebApplication MapRegistryEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRegistryHttpApi();
        return app;
    }
}
