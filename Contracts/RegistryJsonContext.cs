using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansRegistry.Contracts;

/// <summary>The wire's JSON: snake_case, nulls omitted, source-generated (no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ServiceInstanceDocument))]
[JsonSerializable(typeof(List<ServiceInstanceDocument>))]
[JsonSerializable(typeof(ServiceDefinitionDocument))]
[JsonSerializable(typeof(MaintenanceDocument))]
[JsonSerializable(typeof(List<ServiceSummaryDocument>))]
[JsonSerializable(typeof(List<NamespaceSummaryDocument>))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class RegistryJsonContext : JsonSerializerContext;
