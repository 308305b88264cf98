using Orleans.Serialization.Cloning;
using OrleansRegistry.Model;

namespace OrleansRegistry.Serialization;

/// <summary>How <see cref="InstanceMaintenance"/> crosses a grain call (see <see cref="ServiceInstanceSurrogate"/>).</summary>
[GenerateSerializer, Immutable, Alias("registry.InstanceMaintenance")]
public readonly record struct InstanceMaintenanceSurrogate(
    [property: Id(0)] string Reason,
    [property: Id(1)] DateTimeOffset Since);

[RegisterConverter]
public sealed class InstanceMaintenanceConverter : IConverter<InstanceMaintenance, InstanceMaintenanceSurrogate>
{
    public InstanceMaintenance ConvertFromSurrogate(in InstanceMaintenanceSurrogate surrogate) => new(surrogate.Reason, surrogate.Since);

    public InstanceMaintenanceSurrogate ConvertToSurrogate(in InstanceMaintenance value) => new(value.Reason, value.Since);
}

[RegisterCopier]
public sealed class InstanceMaintenanceCopier : ShallowCopier<InstanceMaintenance>;
