using Orleans.Serialization.Cloning;
using OrleansRegistry.Model;

namespace OrleansRegistry.Serialization;

/// <summary>How <see cref="InstanceCheck"/> crosses a grain call (see <see cref="ServiceInstanceSurrogate"/>).</summary>
[GenerateSerializer, Immutable, Alias("registry.InstanceCheck")]
public readonly record struct InstanceCheckSurrogate(
    [property: Id(0)] TimeSpan? Ttl,
    [property: Id(1)] bool Tcp,
    [property: Id(2)] int? FailuresBeforeUnhealthy,
    [property: Id(3)] int? SuccessesBeforeHealthy,
    [property: Id(4)] TimeSpan? DeregisterAfter);

[RegisterConverter]
public sealed class InstanceCheckConverter : IConverter<InstanceCheck, InstanceCheckSurrogate>
{
    public InstanceCheck ConvertFromSurrogate(in InstanceCheckSurrogate surrogate) =>
        new(surrogate.Ttl, surrogate.Tcp, surrogate.FailuresBeforeUnhealthy, surrogate.SuccessesBeforeHealthy, surrogate.DeregisterAfter);

    public InstanceCheckSurrogate ConvertToSurrogate(in InstanceCheck value) =>
        new(value.Ttl, value.Tcp, value.FailuresBeforeUnhealthy, value.SuccessesBeforeHealthy, value.DeregisterAfter);
}

[RegisterCopier]
public sealed class InstanceCheckCopier : ShallowCopier<InstanceCheck>;
