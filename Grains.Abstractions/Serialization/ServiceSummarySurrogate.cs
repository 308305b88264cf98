using Orleans.Serialization.Cloning;
using OrleansRegistry.Model;

namespace OrleansRegistry.Serialization;

/// <summary>How <see cref="ServiceSummary"/> and <see cref="NamespaceSummary"/> cross a grain call (see <see cref="ServiceInstanceSurrogate"/>).</summary>
[GenerateSerializer, Immutable, Alias("registry.ServiceSummary")]
public readonly record struct ServiceSummarySurrogate(
    [property: Id(0)] string Name,
    [property: Id(1)] int Instances,
    [property: Id(2)] int Healthy,
    [property: Id(3)] long Index);

[GenerateSerializer, Immutable, Alias("registry.NamespaceSummary")]
public readonly record struct NamespaceSummarySurrogate(
    [property: Id(0)] string Name,
    [property: Id(1)] int Services);

[RegisterConverter]
public sealed class ServiceSummaryConverter :
    IConverter<ServiceSummary, ServiceSummarySurrogate>,
    IConverter<NamespaceSummary, NamespaceSummarySurrogate>
{
    public ServiceSummary ConvertFromSurrogate(in ServiceSummarySurrogate surrogate) =>
        new(surrogate.Name, surrogate.Instances, surrogate.Healthy) { Index = surrogate.Index };

    public ServiceSummarySurrogate ConvertToSurrogate(in ServiceSummary value) => new(value.Name, value.Instances, value.Healthy, value.Index);

    public NamespaceSummary ConvertFromSurrogate(in NamespaceSummarySurrogate surrogate) => new(surrogate.Name, surrogate.Services);

    public NamespaceSummarySurrogate ConvertToSurrogate(in NamespaceSummary value) => new(value.Name, value.Services);
}

[RegisterCopier]
public sealed class ServiceSummaryCopier : ShallowCopier<ServiceSummary>;

[RegisterCopier]
public sealed class NamespaceSummaryCopier : ShallowCopier<NamespaceSummary>;
