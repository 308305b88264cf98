using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansRegistry.Contracts;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>Adds what endpoint metadata alone cannot say: the API-key scheme and the registry's response headers.</summary>
internal static class OpenApiTransformers
{
    private const string ApiKeyScheme = "ApiKey";

    public static Task AddApiKeySchemeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = RegistryHeaders.ApiKey,
            Description = "A key of Registry:Auth:Keys (or Registry:ApiKeys). Writes need one with write access to the route's namespace "
                + "once any key is configured; reads need one with read access only when Registry:Auth:ProtectReads is true. "
                + "No key or an unknown key is 401, a key without the access is 403.",
        };
        return Task.CompletedTask;
    }

    /// <summary>The rules the validator applies, so that clients generated from the document know them.</summary>
    public static Task DescribeSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["field"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "For refused input: the wire name of the offending field or query parameter.",
            };
            return Task.CompletedTask;
        }

        if (context.JsonTypeInfo.Type != typeof(ServiceInstanceDocument) || schema.Properties is not { } properties)
        {
            return Task.CompletedTask;
        }

        const string namePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$";
        Describe(properties, "id", "Instance id, unique within its service; may be omitted on PUT (the path gives it).", namePattern);
        Describe(properties, "service_name", "May be omitted on PUT (the path gives it).", namePattern);
        Describe(properties, "host", "Host name, IPv4 or IPv6 literal.");
        if (Describe(properties, "port", "1 to 65535.") is { } port)
        {
            port.Minimum = "1";
            port.Maximum = "65535";
        }

        if (Describe(properties, "status", "Lower case on output; any case on input. Omitted on PUT means healthy.") is { } status)
        {
            status.Enum = [JsonValue.Create("healthy"), JsonValue.Create("unhealthy"), JsonValue.Create("starting"), JsonValue.Create("stopping")];
        }

        Describe(properties, "metadata", $"weight (integer {RegistryLimits.MinWeight}-{RegistryLimits.MaxWeight}) is read by weighted round robin; at most {RegistryLimits.MaxMetadataEntries} entries.");
        Describe(properties, "health_check_url", "Absolute http or https URL; omitted when absent.");
        Describe(properties, "last_heartbeat", "RFC 3339 UTC; set by the registry.");
        Describe(properties, "created_at", "RFC 3339 UTC; set by the registry at first registration, kept on re-registration.");
        Describe(properties, "tags", $"At most {RegistryLimits.MaxTags}, each matching [A-Za-z0-9][A-Za-z0-9._:-]{{0,63}}; duplicates are dropped, order is kept; omitted when none.");

        Describe(properties, "panic", "Present (true) only while the panic guard keeps this unhealthy instance selectable.");
        Describe(properties, "maintenance", "Present only while the instance is in maintenance ({reason, since}); ignored on PUT (use .../maintenance).");
        return Task.CompletedTask;
    }

    public static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any(authorize => authorize.Policy is ApiKeyAuthentication.ReadPolicy or ApiKeyAuthentication.WritePolicy or ApiKeyAuthentication.AdminPolicy))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [],
            });
        }

        foreach (var filter in metadata.OfType<MetadataFilterParameter>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = FilterQuery.MetaPrefix + "{key}",
                In = ParameterLocation.Query,
                Description = filter.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        DescribeNamespaceParameter(operation, context);
        foreach (var header in metadata.OfType<ResponseHeaderMetadata>())
        {
            var key = header.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(key, out var response) != true || response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers[header.Name] = new OpenApiHeader
            {
                Description = header.Description,
                Schema = new OpenApiSchema { Type = header.IsInteger ? JsonSchemaType.Integer : JsonSchemaType.String },
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>The <c>{ns}</c> of the namespaced routes, which the handlers read from the route rather than bind.</summary>
    private static void DescribeNamespaceParameter(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (context.Description.RelativePath?.StartsWith("namespaces/{ns}", StringComparison.Ordinal) != true
            || operation.Parameters?.Any(parameter => parameter.Name == "ns") == true)
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Insert(0, new OpenApiParameter
        {
            Name = "ns",
            In = ParameterLocation.Path,
            Required = true,
            Description = "the namespace (the unprefixed route addresses the default namespace)",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$" },
        });
    }

    private static OpenApiSchema? Describe(IDictionary<string, IOpenApiSchema> properties, string name, string description, string? pattern = null)
    {
        if (!properties.TryGetValue(name, out var property) || property is not OpenApiSchema schema)
        {
            return null;
        }

        schema.Description = description;
        if (pattern is not null)
        {
            schema.Pattern = pattern;
        }

        return schema;
    }
}
