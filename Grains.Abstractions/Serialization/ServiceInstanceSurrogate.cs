using Orleans.Serialization.Cloning;
using OrleansRegistry.Model;

namespace OrleansRegistry.Serialization;

/// <summary>
/// How <see cref="ServiceInstance"/> crosses a grain call. The record lives in the Orleans-free
/// Contracts assembly; its field ids and alias are the ones it carried when it had its own
/// serializer. Ids are part of the wire format: never renumber them, only add.
/// </summary>
[GenerateSerializer, Immutable, Alias("registry.ServiceInstance")]
public readonly record struct ServiceInstanceSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] string ServiceName,
    [property: Id(2)] string Host,
    [property: Id(3)] int Port,
    [property: Id(4)] ServiceStatus Status,
    [property: Id(5)] IReadOnlyDictionary<string, string> Metadata,
    [property: Id(6)] string? HealthCheckUrl,
    [property: Id(7)] DateTimeOffset LastHeartbeat,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] InstanceCheck? Check,
    [property: Id(10)] bool Panic,
    [property: Id(11)] string[]? Tags,
    [property: Id(12)] InstanceMaintenance? Maintenance);

[RegisterConverter]
public sealed class ServiceInstanceConverter : IConverter<ServiceInstance, ServiceInstanceSurrogate>
{
    public ServiceInstance ConvertFromSurrogate(in ServiceInstanceSurrogate surrogate) =>
        new(surrogate.Id, surrogate.ServiceName, surrogate.Host, surrogate.Port, surrogate.Status, surrogate.Metadata, surrogate.HealthCheckUrl, surrogate.LastHeartbeat, surrogate.CreatedAt)
        {
            Check = surrogate.Check,
            Panic = surrogate.Panic,
            TagArray = surrogate.Tags,
            Maintenance = surrogate.Maintenance,
        };

    public ServiceInstanceSurrogate ConvertToSurrogate(in ServiceInstance value) =>
        new(value.Id, value.ServiceName, value.Host, value.Port, value.Status, value.Metadata, value.HealthCheckUrl, value.LastHeartbeat, value.CreatedAt, value.Check, value.Panic, value.TagArray, value.Maintenance);
}

/// <summary>The record is immutable: a grain call inside one silo hands over the same object.</summary>
[RegisterCopier]
public sealed class ServiceInstanceCopier : ShallowCopier<ServiceInstance>;
