using System.Text.Json.Serialization;

namespace OrleansRegistry.Tests.Http;

/// <summary>
/// Field for field the fleet's Go struct (seed: "服务定义和注册1"), with its json tags:
/// <code>
/// type ServiceInstance struct {
///     ID             string            `json:"id"`
///     ServiceName    string            `json:"service_name"`
///     Host           string            `json:"host"`
///     Port           uint16            `json:"port"`
///     Status         ServiceStatus     `json:"status"`        // type ServiceStatus string
///     Metadata       map[string]string `json:"metadata"`
///     HealthCheckURL string            `json:"health_check_url,omitempty"`
///     LastHeartbeat  time.Time         `json:"last_heartbeat"`
///     CreatedAt      time.Time         `json:"created_at"`
/// }
/// </code>
/// Go's zero values are kept (empty strings, nil map), and <see cref="GoJson"/> applies
/// encoding/json's rules: case-insensitive keys, unknown keys ignored, <c>omitempty</c>, and
/// <c>time.Time</c> as RFC 3339 with nanoseconds.
/// </summary>
public sealed record GoServiceInstance
{
    [JsonPropertyName("id")]
    public string ID { get; init; } = string.Empty;

    [JsonPropertyName("service_name")]
    public string ServiceName { get; init; } = string.Empty;

    [JsonPropertyName("host")]
    public string Host { get; init; } = string.Empty;

    [JsonPropertyName("port")]
    public ushort Port { get; init; }

    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    [JsonPropertyName("metadata")]
    public Dictionary<string, string>? Metadata { get; init; }

    [JsonPropertyName("health_check_url")]
    public string HealthCheckURL { get; init; } = string.Empty;

    [JsonPropertyName("last_heartbeat")]
    [JsonConverter(typeof(GoTimeConverter))]
    public DateTimeOffset LastHeartbeat { get; init; }

    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(GoTimeConverter))]
    public DateTimeOffset CreatedAt { get; init; }
}
