namespace OrleansRegistry.Silo.Hosting;

public static class RegistryEndpointExtensions
{
    /// <summary>Maps the registry's HTTP endpoints.</summary>
    public static WebApplication MapRegistryEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }
}
