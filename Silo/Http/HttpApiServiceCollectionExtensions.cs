using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansRegistry.Contracts;
using OrleansRegistry.Diagnostics;

namespace OrleansRegistry.Silo.Http;

public static class HttpApiServiceCollectionExtensions
{
    /// <summary>Adds the HTTP API's services: JSON contract, problem details, OpenAPI, blocking queries.</summary>
    public static IServiceCollection AddRegistryHttpApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Responses are written with RegistryJsonContext directly; these options make the OpenAPI
        // schemas (and framework-written bodies) follow the same contract.
        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.NumberHandling = JsonNumberHandling.Strict;
            json.TypeInfoResolverChain.Insert(0, RegistryJsonContext.Default);
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<InputProblemHandler>();
        services.AddExceptionHandler<RegistryFailureHandler>();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, cancellationToken) =>
            {
                document.Info.Title = "OrleansRegistry";
                document.Info.Description = "Service registry: instances, definitions, load-balanced selection, blocking queries.";
                return OpenApiTransformers.AddApiKeySchemeAsync(document, context, cancellationToken);
            });
            options.AddOperationTransformer(OpenApiTransformers.DescribeOperationAsync);
            options.AddSchemaTransformer(OpenApiTransformers.DescribeSchemaAsync);
        });

        services.TryAddSingleton<ServiceChangeWatcher>();
        services.TryAddSingleton<ServiceHistory>();
        services.AddHostedService<ServiceHistorySampler>();
        return services;
    }
}
