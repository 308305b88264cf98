using System.Reflection;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>The human view of the registry at <c>/ui</c>: one static page fed by the HTTP API's blocking queries.</summary>
public static class RegistryViewExtensions
{
    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OrleansRegistry.Silo.Ui.registry.html")
            ?? throw new InvalidOperationException("The registry view page is not embedded in the silo assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static WebApplication MapRegistryView(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/ui", () => Results.Bytes(Page.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/", () => Results.Redirect("/ui")).ExcludeFromDescription();
        return app;
    }
}
