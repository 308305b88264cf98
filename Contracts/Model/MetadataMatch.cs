namespace OrleansRegistry.Model;

/// <summary>One metadata condition of an <see cref="InstanceFilter"/>: <c>metadata[Key] == Value</c>, ordinally.</summary>
public readonly record struct MetadataMatch(
    string Key,
    string Value);
