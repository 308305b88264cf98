using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansRegistry.Tests.Http;

/// <summary>System.Text.Json set up to decode and encode like Go's encoding/json for <see cref="GoServiceInstance"/>.</summary>
public static class GoJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmpty } },
    };

    /// <summary><c>omitempty</c> on a string: leave it out when it is "".</summary>
    private static void OmitEmpty(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(GoServiceInstance))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.Name == "health_check_url")
            {
                property.ShouldSerialize = static (_, value) => !string.IsNullOrEmpty((string?)value);
            }
        }
    }
}
