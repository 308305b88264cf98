namespace OrleansRegistry.Model;

/// <summary>
/// Which instances a listing, blocking query, pick or DNS name keeps: those carrying every tag in
/// <see cref="Tags"/> and whose metadata holds every pair in <see cref="Metadata"/> (the HTTP
/// API's <c>?tag=T</c> and <c>?meta.K=V</c>). The conditions are kept sorted and without repeats,
/// so two filters that ask the same are equal whatever order they were written in.
/// </summary>
public sealed record InstanceFilter
{
    public InstanceFilter(IEnumerable<string> tags, IEnumerable<MetadataMatch> metadata)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(metadata);
        Tags = [.. tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Metadata = [.. metadata.Distinct().OrderBy(match => match.Key, StringComparer.Ordinal).ThenBy(match => match.Value, StringComparer.Ordinal)];
    }

    /// <summary>The filter that keeps every instance.</summary>
    public static InstanceFilter None { get; } = new([], []);

    public IReadOnlyList<string> Tags { get; }

    public IReadOnlyList<MetadataMatch> Metadata { get; }

    public bool IsEmpty => Tags.Count == 0 && Metadata.Count == 0;

    /// <summary>A filter on one tag, or <see cref="None"/> for no tag.</summary>
    public static InstanceFilter OfTag(string? tag) => tag is null ? None : new([tag], []);

    public bool Matches(ServiceInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        foreach (var tag in Tags)
        {
            if (!instance.HasTag(tag))
            {
                return false;
            }
        }

        foreach (var (key, value) in Metadata)
        {
            if (!instance.Metadata.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(InstanceFilter? other) =>
        other is not null && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal) && Metadata.SequenceEqual(other.Metadata);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var tag in Tags)
        {
            hash.Add(tag, StringComparer.Ordinal);
        }

        foreach (var match in Metadata)
        {
            hash.Add(match);
        }

        return hash.ToHashCode();
    }
}
