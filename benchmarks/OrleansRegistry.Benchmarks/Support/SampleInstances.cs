using System.Globalization;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.Support;

/// <summary>Instances shaped like a real fleet's: an id, an address, a zone and a version in the metadata.</summary>
internal static class SampleInstances
{
    public static string Id(int index) => "instance-" + index.ToString("D5", CultureInfo.InvariantCulture);

    public static string Host(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}");

    /// <summary>A new instance (fresh strings, as a deserialized registration has).</summary>
    public static ServiceInstance Create(string serviceName, int index, int weight = 0)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["zone"] = "eu-" + (index % 3).ToString(CultureInfo.InvariantCulture),
            ["version"] = "1.4.2",
        };
        if (weight > 0)
        {
            metadata[ServiceInstance.WeightKey] = weight.ToString(CultureInfo.InvariantCulture);
        }

        return new ServiceInstance(
            Id(index),
            new string(serviceName.AsSpan()),
            Host(index),
            8080,
            ServiceStatus.Healthy,
            metadata,
            HealthCheckUrl: null,
            LastHeartbeat: default,
            CreatedAt: default);
    }

    /// <summary>The HTTP API's registration body for the same instance.</summary>
    public static string Json(int index) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"host":"{{{Host(index)}}}","port":8080,"metadata":{"zone":"eu-{{{index % 3}}}","version":"1.4.2"}}""");
}
