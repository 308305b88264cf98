using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Contracts;

/// <summary>
/// Converts between the wire documents and the domain records. Input is checked with the one
/// shared validator; anything it refuses raises <see cref="RegistryValidationException"/>.
/// </summary>
public static class WireMapping
{
    private static readonly JsonWriterOptions CompactWriting = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string ToWire(this ServiceStatus status) => status switch
    {
        ServiceStatus.Healthy => "healthy",
        ServiceStatus.Unhealthy => "unhealthy",
        ServiceStatus.Starting => "starting",
        ServiceStatus.Stopping => "stopping",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status"),
    };

    /// <summary>Parses a status, ignoring ASCII case only (<c>Healthy</c> from a Rust client is fine).</summary>
    public static bool TryParseStatus(string? text, out ServiceStatus status)
    {
        switch (text is not null && Ascii.IsValid(text) ? text.ToLowerInvariant() : null)
        {
            case "healthy":
                status = ServiceStatus.Healthy;
                return true;
            case "unhealthy":
                status = ServiceStatus.Unhealthy;
                return true;
            case "starting":
                status = ServiceStatus.Starting;
                return true;
            case "stopping":
                status = ServiceStatus.Stopping;
                return true;
            default:
                status = default;
                return false;
        }
    }

    public static ServiceInstanceDocument ToDocument(this ServiceInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new ServiceInstanceDocument
        {
            Id = instance.Id,
            ServiceName = instance.ServiceName,
            Host = instance.Host,
            Port = instance.Port,
            Status = instance.Status.ToWire(),
            Metadata = new Dictionary<string, string>(instance.Metadata, StringComparer.Ordinal),
            Tags = instance.Tags.Count == 0 ? null : [.. instance.Tags],
            HealthCheckUrl = instance.HealthCheckUrl,
            LastHeartbeat = instance.LastHeartbeat.UtcDateTime,
            CreatedAt = instance.CreatedAt.UtcDateTime,
            Check = instance.Check is { } check ? ToDocument(check) : null,
            Panic = instance.Panic ? true : null,
            Maintenance = instance.Maintenance is { } maintenance
                ? new MaintenanceDocument { Reason = maintenance.Reason, Since = maintenance.Since.UtcDateTime }
                : null,
        };
    }

    /// <summary>
    /// The instance a client asks to register under <paramref name="serviceName"/>/<paramref name="instanceId"/>.
    /// <c>id</c> and <c>service_name</c> may be omitted but must match when given; a missing status means healthy.
    /// </summary>
    public static ServiceInstance ToInstance(this ServiceInstanceDocument document, string serviceName, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(document);
        RegistryValidator.ValidateServiceName(serviceName);
        RegistryValidator.ValidateInstanceId(instanceId);
        // Checked as names first, so that a hostile value is refused without being echoed back.
        if (document.Id is not null)
        {
            RegistryValidator.ValidateInstanceId(document.Id);
            if (!string.Equals(document.Id, instanceId, StringComparison.Ordinal))
            {
                throw new RegistryValidationException("id", $"'{document.Id}' does not match the instance id '{instanceId}' in the path");
            }
        }

        if (document.ServiceName is not null)
        {
            RegistryValidator.ValidateServiceName(document.ServiceName);
            if (!string.Equals(document.ServiceName, serviceName, StringComparison.Ordinal))
            {
                throw new RegistryValidationException("service_name", $"'{document.ServiceName}' does not match the service name '{serviceName}' in the path");
            }
        }

        if (document.Port is null)
        {
            throw new RegistryValidationException("port", "is required");
        }

        var status = ServiceStatus.Healthy;
        if (document.Status is not null && !TryParseStatus(document.Status, out status))
        {
            throw new RegistryValidationException("status", "must be healthy, unhealthy, starting or stopping");
        }

        var instance = new ServiceInstance(
            instanceId,
            serviceName,
            document.Host!,
            document.Port.Value,
            status,
            document.Metadata ?? new Dictionary<string, string>(StringComparer.Ordinal),
            string.IsNullOrEmpty(document.HealthCheckUrl) ? null : document.HealthCheckUrl,
            default,
            default)
        {
            Check = document.Check is { } check ? ToCheck(check) : null,
            Tags = ToTags(document.Tags),
        };
        RegistryValidator.ValidateInstance(instance);
        return instance;
    }

    /// <summary>
    /// An instance as the registry answered it (a listing's element): every field the registry
    /// sets is kept. Not validated as input is: the registry already accepted it.
    /// </summary>
    /// <exception cref="FormatException">A field the registry always sends is missing or unreadable.</exception>
    public static ServiceInstance FromAnswer(this ServiceInstanceDocument document, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Id is null || document.Host is null || document.Port is null || !TryParseStatus(document.Status, out var status))
        {
            throw new FormatException("The registry answered an instance without id, host, port or a known status.");
        }

        return new ServiceInstance(
            document.Id,
            serviceName,
            document.Host,
            document.Port.Value,
            status,
            document.Metadata ?? new Dictionary<string, string>(StringComparer.Ordinal),
            string.IsNullOrEmpty(document.HealthCheckUrl) ? null : document.HealthCheckUrl,
            document.LastHeartbeat is { } heartbeat ? new DateTimeOffset(DateTime.SpecifyKind(heartbeat, DateTimeKind.Utc)) : default,
            document.CreatedAt is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : default)
        {
            Check = document.Check is { } check ? ToCheck(check) : null,
            Tags = ToTags(document.Tags),
            Panic = document.Panic == true,
            Maintenance = document.Maintenance is { Reason: { } reason } maintenance
                ? new InstanceMaintenance(reason, maintenance.Since is { } since ? new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc)) : default)
                : null,
        };
    }

    public static ServiceDefinitionDocument ToDocument(this ServiceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new ServiceDefinitionDocument
        {
            Name = definition.Name,
            Version = definition.Version,
            Description = definition.Description,
            Endpoints = definition.Endpoints.Select(endpoint => (ServiceEndpointDocument?)new ServiceEndpointDocument
            {
                Path = endpoint.Path,
                Method = endpoint.Method,
                Description = endpoint.Description,
                Parameters = endpoint.Parameters.Select(parameter => (EndpointParameterDocument?)new EndpointParameterDocument
                {
                    Name = parameter.Name,
                    ParamType = parameter.ParamType,
                    Required = parameter.Required,
                    Description = parameter.Description,
                }).ToList(),
            }).ToList(),
            Dependencies = definition.Dependencies.Select(d => (string?)d).ToList(),
            Config = definition.Config.ToDictionary(entry => entry.Key, entry => ParseJsonValue(entry.Value), StringComparer.Ordinal),
        };
    }

    /// <summary>The definition a client puts for <paramref name="serviceName"/>; <c>name</c> may be omitted but must match when given.</summary>
    public static ServiceDefinition ToDefinition(this ServiceDefinitionDocument document, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(document);
        RegistryValidator.ValidateServiceName(serviceName, "name");
        if (document.Name is not null)
        {
            RegistryValidator.ValidateServiceName(document.Name, "name");
            if (!string.Equals(document.Name, serviceName, StringComparison.Ordinal))
            {
                throw new RegistryValidationException("name", $"'{document.Name}' does not match the service name '{serviceName}' in the path");
            }
        }

        var endpoints = new List<ServiceEndpoint>();
        for (var i = 0; i < (document.Endpoints?.Count ?? 0); i++)
        {
            var endpoint = document.Endpoints![i] ?? throw new RegistryValidationException($"endpoints[{i}]", "must not be null");
            var parameters = new List<EndpointParameter>();
            for (var j = 0; j < (endpoint.Parameters?.Count ?? 0); j++)
            {
                var parameter = endpoint.Parameters![j] ?? throw new RegistryValidationException($"endpoints[{i}].parameters[{j}]", "must not be null");
                parameters.Add(new EndpointParameter(parameter.Name ?? string.Empty, parameter.ParamType ?? string.Empty, parameter.Required ?? false, parameter.Description ?? string.Empty));
            }

            endpoints.Add(new ServiceEndpoint(endpoint.Path ?? string.Empty, endpoint.Method ?? string.Empty, endpoint.Description ?? string.Empty, parameters));
        }

        var dependencies = (document.Dependencies ?? []).Select((d, i) => d ?? throw new RegistryValidationException($"dependencies[{i}]", "must not be null")).ToList();
        var config = (document.Config ?? []).ToDictionary(entry => entry.Key, entry => CompactJson(entry.Value), StringComparer.Ordinal);
        var definition = new ServiceDefinition(serviceName, document.Version ?? string.Empty, document.Description ?? string.Empty, endpoints, dependencies, config);
        RegistryValidator.ValidateDefinition(definition);
        return definition;
    }

    public static ServiceSummaryDocument ToDocument(this ServiceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new ServiceSummaryDocument(summary.Name, summary.Instances, summary.Healthy);
    }

    /// <summary>The tags as sent; a null entry is refused here, naming its position, before duplicates are dropped.</summary>
    private static string[] ToTags(List<string?>? tags)
    {
        if (tags is null)
        {
            return [];
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i] is null)
            {
                throw new RegistryValidationException($"tags[{i}]", "must not be null");
            }
        }

        return tags.ToArray()!;
    }

    public static NamespaceSummaryDocument ToDocument(this NamespaceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new NamespaceSummaryDocument(summary.Name, summary.Services);
    }

    private static InstanceCheckDocument ToDocument(InstanceCheck check) => new()
    {
        Ttl = check.Ttl is { } ttl ? DurationText.Format(ttl) : null,
        Tcp = check.Tcp ? true : null,
        FailuresBeforeUnhealthy = check.FailuresBeforeUnhealthy,
        SuccessesBeforeHealthy = check.SuccessesBeforeHealthy,
        DeregisterAfter = check.DeregisterAfter is { } deregisterAfter ? DurationText.Format(deregisterAfter) : null,
    };

    private static InstanceCheck ToCheck(InstanceCheckDocument document) => new(
        Duration(document.Ttl, "check.ttl"),
        document.Tcp ?? false,
        document.FailuresBeforeUnhealthy,
        document.SuccessesBeforeHealthy,
        Duration(document.DeregisterAfter, "check.deregister_after"));

    private static TimeSpan? Duration(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        return DurationText.TryParse(text, out var parsed)
            ? parsed
            : throw new RegistryValidationException(field, "must be a duration such as \"30s\", \"1m30s\" or \"500ms\"");
    }

    /// <summary>
    /// A config value as compact JSON: the layout it was sent with (line breaks, indentation) is not
    /// kept, and control characters inside strings stay escaped, so the stored text holds none.
    /// Other characters are written as they are (no <c>\u00e9</c> for <c>é</c>).
    /// </summary>
    private static string CompactJson(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriting))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonElement ParseJsonValue(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
