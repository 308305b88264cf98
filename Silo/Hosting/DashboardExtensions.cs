using Orleans.Dashboard;
using OrleansRegistry.Silo.Http;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>The Orleans Dashboard, served by the silo's own Kestrel at <c>/dashboard/</c>.</summary>
public static class DashboardExtensions
{
    public const string RoutePrefix = "/dashboard";

    public static ISiloBuilder AddRegistryDashboard(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddDashboard();
    }

    public static WebApplication MapRegistryDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Its pages name every service (grain keys): protected like the API's reads when those are.
        app.MapOrleansDashboard(routePrefix: RoutePrefix).RequireReadAccessWhenProtected(app.Services);
        return app;
    }
}
