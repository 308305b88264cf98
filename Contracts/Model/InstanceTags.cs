namespace OrleansRegistry.Model;

/// <summary>The one normalization of an instance's tags: duplicates dropped, order kept, nothing for none.</summary>
public static class InstanceTags
{
    /// <summary>
    /// The tags as the instance keeps them: null when there are none, else a new array in the
    /// order given without repeats. Null entries are kept, so that the validator can name them.
    /// </summary>
    public static string[]? Normalize(IEnumerable<string>? tags)
    {
        if (tags is null)
        {
            return null;
        }

        var kept = new List<string>();
        var seen = new HashSet<string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (seen.Add(tag))
            {
                kept.Add(tag);
            }
        }

        return kept.Count == 0 ? null : [.. kept];
    }
}
