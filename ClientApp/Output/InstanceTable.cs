using OrleansRegistry.Model;
using Spectre.Console;

namespace OrleansRegistry.ClientApp.Output;

/// <summary>Instances as a table, one row each, sorted by id.</summary>
internal static class InstanceTable
{
    public static Table Build(IEnumerable<ServiceInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumns("ID", "HOST", "PORT", "STATUS", "WEIGHT", "LAST HEARTBEAT", "METADATA", "HEALTH CHECK");
        foreach (var instance in instances.OrderBy(instance => instance.Id, StringComparer.Ordinal))
        {
            table.AddRow(
                Cells.Plain(instance.Id),
                Cells.Plain(instance.Host),
                Cells.Number(instance.Port),
                Cells.Status(instance),
                Cells.Number(instance.Weight),
                Cells.Time(instance.LastHeartbeat),
                Cells.Metadata(instance.Metadata),
                Cells.Plain(HealthCheck(instance)));
        }

        return table;
    }

    private static string HealthCheck(ServiceInstance instance)
    {
        var parts = new List<string>();
        if (instance.HealthCheckUrl is { } url)
        {
            parts.Add(url);
        }
        else if (instance.Check?.Tcp == true)
        {
            parts.Add("tcp");
        }

        if (instance.Check?.Ttl is { } ttl)
        {
            parts.Add($"ttl {Contracts.DurationText.Format(ttl)}");
        }

        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }
}
