using Orleans.Serialization.Cloning;
using OrleansRegistry.Model;

namespace OrleansRegistry.Serialization;

/// <summary>How <see cref="InstanceFilter"/> and its <see cref="MetadataMatch"/>es cross a grain call (see <see cref="ServiceInstanceSurrogate"/>).</summary>
[GenerateSerializer, Immutable, Alias("registry.InstanceFilter")]
public readonly record struct InstanceFilterSurrogate(
    [property: Id(0)] IReadOnlyList<string> Tags,
    [property: Id(1)] IReadOnlyList<MetadataMatch> Metadata);

[GenerateSerializer, Immutable, Alias("registry.MetadataMatch")]
public readonly record struct MetadataMatchSurrogate(
    [property: Id(0)] string Key,
    [property: Id(1)] string Value);

[RegisterConverter]
public sealed class InstanceFilterConverter : IConverter<InstanceFilter, InstanceFilterSurrogate>
{
    public InstanceFilter ConvertFromSurrogate(in InstanceFilterSurrogate surrogate) => new(surrogate.Tags, surrogate.Metadata);

    public InstanceFilterSurrogate ConvertToSurrogate(in InstanceFilter value) => new(value.Tags, value.Metadata);
}

[RegisterConverter]
public sealed class MetadataMatchConverter : IConverter<MetadataMatch, MetadataMatchSurrogate>
{
    public MetadataMatch ConvertFromSurrogate(in MetadataMatchSurrogate surrogate) => new(surrogate.Key, surrogate.Value);

    public MetadataMatchSurrogate ConvertToSurrogate(in MetadataMatch value) => new(value.Key, value.Value);
}

[RegisterCopier]
public sealed class InstanceFilterCopier : ShallowCopier<InstanceFilter>;
