using OrleansRegistry.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrleansRegistry.ClientApp.Output;

/// <summary>A service definition: its header fields, then endpoints and configuration as tables.</summary>
internal static class DefinitionView
{
    public static IRenderable Build(ServiceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var header = new Grid().AddColumn().AddColumn();
        header.AddRow(Cells.Plain("name"), Cells.Plain(definition.Name));
        header.AddRow(Cells.Plain("version"), Cells.Plain(definition.Version));
        header.AddRow(Cells.Plain("description"), Cells.Plain(definition.Description));
        header.AddRow(Cells.Plain("dependencies"), Cells.Plain(definition.Dependencies.Count == 0 ? "-" : string.Join(", ", definition.Dependencies)));

        var endpoints = new Table().Border(TableBorder.Rounded).Title("endpoints").AddColumns("METHOD", "PATH", "DESCRIPTION", "PARAMETERS");
        foreach (var endpoint in definition.Endpoints)
        {
            endpoints.AddRow(Cells.Plain(endpoint.Method), Cells.Plain(endpoint.Path), Cells.Plain(endpoint.Description), Cells.Plain(Parameters(endpoint)));
        }

        var config = new Table().Border(TableBorder.Rounded).Title("config").AddColumns("KEY", "VALUE");
        foreach (var (key, value) in definition.Config.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            config.AddRow(Cells.Plain(key), Cells.Json(value));
        }

        return new Rows(header, endpoints, config);
    }

    private static string Parameters(ServiceEndpoint endpoint) =>
        endpoint.Parameters.Count == 0
            ? "-"
            : string.Join(", ", endpoint.Parameters.Select(p => $"{p.Name}: {p.ParamType}{(p.Required ? string.Empty : "?")}"));
}
