namespace OrleansRegistry.Registry;

/// <summary>
/// Metadata as the registry keeps it: a dictionary with the default comparer (ordinal for
/// strings, the same lookups as <see cref="StringComparer.Ordinal"/>), which Orleans serializes
/// without a comparer object, on every pick and push; and one shared instance when it is empty.
/// </summary>
internal static class StoredMetadata
{
    private static readonly Dictionary<string, string> Empty = [];

    /// <summary>
    /// The metadata to store, in the order given. A key equal to one of <paramref name="like"/>
    /// (another instance of the same service, or the one this replaces) is that instance's string,
    /// and so is its value when that is equal too: a service's instances mostly carry the same keys
    /// and many of the same values (a zone, a version), while every registration arrives with its
    /// own copies of them. Both sides hold at most <c>RegistryLimits.MaxMetadataEntries</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, string>? like)
    {
        if (metadata.Count == 0)
        {
            return Empty;
        }

        var stored = new Dictionary<string, string>(metadata.Count);
        foreach (var (key, value) in metadata)
        {
            var (storedKey, storedValue) = (key, value);
            foreach (var (likeKey, likeValue) in like ?? Empty)
            {
                if (string.Equals(likeKey, key, StringComparison.Ordinal))
                {
                    storedKey = likeKey;
                    storedValue = string.Equals(likeValue, value, StringComparison.Ordinal) ? likeValue : value;
                    break;
                }
            }

            stored.Add(storedKey, storedValue);
        }

        return stored;
    }
}
