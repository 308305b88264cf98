using Orleans.Serialization.Cloning;
using OrleansRegistry.Model;

namespace OrleansRegistry.Serialization;

/// <summary>How <see cref="ServiceDefinition"/> and its parts cross a grain call (see <see cref="ServiceInstanceSurrogate"/>).</summary>
[GenerateSerializer, Immutable, Alias("registry.ServiceDefinition")]
public readonly record struct ServiceDefinitionSurrogate(
    [property: Id(0)] string Name,
    [property: Id(1)] string Version,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<ServiceEndpoint> Endpoints,
    [property: Id(4)] IReadOnlyList<string> Dependencies,
    [property: Id(5)] IReadOnlyDictionary<string, string> Config);

[GenerateSerializer, Immutable, Alias("registry.ServiceEndpoint")]
public readonly record struct ServiceEndpointSurrogate(
    [property: Id(0)] string Path,
    [property: Id(1)] string Method,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<EndpointParameter> Parameters);

[GenerateSerializer, Immutable, Alias("registry.EndpointParameter")]
public readonly record struct EndpointParameterSurrogate(
    [property: Id(0)] string Name,
    [property: Id(1)] string ParamType,
    [property: Id(2)] bool Required,
    [property: Id(3)] string Description);

[RegisterConverter]
public sealed class ServiceDefinitionConverter :
    IConverter<ServiceDefinition, ServiceDefinitionSurrogate>,
    IConverter<ServiceEndpoint, ServiceEndpointSurrogate>,
    IConverter<EndpointParameter, EndpointParameterSurrogate>
{
    public ServiceDefinition ConvertFromSurrogate(in ServiceDefinitionSurrogate surrogate) =>
        new(surrogate.Name, surrogate.Version, surrogate.Description, surrogate.Endpoints, surrogate.Dependencies, surrogate.Config);

    public ServiceDefinitionSurrogate ConvertToSurrogate(in ServiceDefinition value) =>
        new(value.Name, value.Version, value.Description, value.Endpoints, value.Dependencies, value.Config);

    public ServiceEndpoint ConvertFromSurrogate(in ServiceEndpointSurrogate surrogate) =>
        new(surrogate.Path, surrogate.Method, surrogate.Description, surrogate.Parameters);

    public ServiceEndpointSurrogate ConvertToSurrogate(in ServiceEndpoint value) =>
        new(value.Path, value.Method, value.Description, value.Parameters);

    public EndpointParameter ConvertFromSurrogate(in EndpointParameterSurrogate surrogate) =>
        new(surrogate.Name, surrogate.ParamType, surrogate.Required, surrogate.Description);

    public EndpointParameterSurrogate ConvertToSurrogate(in EndpointParameter value) =>
        new(value.Name, value.ParamType, value.Required, value.Description);
}

[RegisterCopier]
public sealed class ServiceDefinitionCopier : ShallowCopier<ServiceDefinition>;
