namespace OrleansRegistry.Model;

/// <summary>One metadata condition of an <see cref="InstanceFilter"/>: <c>metadata[Key] == Value</c>, ordinally.</summary>
[GenerateSerializer, Immutable, Alias("registry.MetadataMatch")]
public readonly record struct MetadataMatch(
    [property: Id(0)] string Key,
    [property: Id(1)] string Value);
