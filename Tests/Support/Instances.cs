using OrleansRegistry.Model;

namespace OrleansRegistry.Tests.Support;

/// <summary>Builds test instances.</summary>
public static class Instances
{
    public static ServiceInstance Create(
        string service,
        string id,
        int port = 8080,
        ServiceStatus status = ServiceStatus.Healthy,
        int? weight = null,
        string host = "127.0.0.1",
        string? healthCheckUrl = null)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (weight is { } w)
        {
            metadata[ServiceInstance.WeightKey] = w.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new ServiceInstance(id, service, host, port, status, metadata, healthCheckUrl, default, default);
    }

    /// <summary>A service name no other test uses.</summary>
    public static string UniqueService(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
