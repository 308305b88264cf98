using System.Text.Json.Serialization;

namespace OrleansRegistry.Silo.Http;

/// <summary>The registry view's read models, in the wire's JSON conventions (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServiceHistoryDocument))]
[JsonSerializable(typeof(ServiceHealthDocument))]
internal sealed partial class ViewJsonContext : JsonSerializerContext;
