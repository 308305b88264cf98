using Orleans.Serialization.Cloning;
using OrleansRegistry.Model;

namespace OrleansRegistry.Serialization;

/// <summary>How <see cref="ServiceSnapshot"/> crosses a grain call (see <see cref="ServiceInstanceSurrogate"/>).</summary>
[GenerateSerializer, Immutable, Alias("registry.ServiceSnapshot")]
public readonly record struct ServiceSnapshotSurrogate(
    [property: Id(0)] string ServiceName,
    [property: Id(1)] long Index,
    [property: Id(2)] IReadOnlyList<ServiceInstance> Instances);

[RegisterConverter]
public sealed class ServiceSnapshotConverter : IConverter<ServiceSnapshot, ServiceSnapshotSurrogate>
{
    public ServiceSnapshot ConvertFromSurrogate(in ServiceSnapshotSurrogate surrogate) => new(surrogate.ServiceName, surrogate.Index, surrogate.Instances);

    public ServiceSnapshotSurrogate ConvertToSurrogate(in ServiceSnapshot value) => new(value.ServiceName, value.Index, value.Instances);
}

[RegisterCopier]
public sealed class ServiceSnapshotCopier : ShallowCopier<ServiceSnapshot>;
