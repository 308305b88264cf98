namespace OrleansRegistry.Registry;

/// <summary>
/// Metadata as the registry keeps it: a dictionary with the default comparer (ordinal for
/// strings, the same lookups as <see cref="StringComparer.Ordinal"/>), which Orleans serializes
/// without a comparer object, on every pick and push; and one shared instance when it is empty.
/// </summary>
internal static class StoredMetadata
{
    private static readonly Dictionary<string, string> Empty = [];

    public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, string> metadata)
    {
        if (metadata.Count == 0)
        {
            return Empty;
        }

        if (metadata is Dictionary<string, string> dictionary && ReferenceEquals(dictionary.Comparer, EqualityComparer<string>.Default))
        {
            return dictionary;
        }

        return new Dictionary<string, string>(metadata);
    }
}
