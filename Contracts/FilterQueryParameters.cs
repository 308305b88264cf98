using OrleansRegistry.Model;

namespace OrleansRegistry.Contracts;

/// <summary>How the HTTP API takes a filter and a zone: <c>tag=T</c> and <c>meta.K=V</c> (each repeatable) and <c>near=Z</c>.</summary>
public static class FilterQueryParameters
{
    public const string Tag = "tag";
    public const string MetaPrefix = "meta.";
    public const string Near = "near";

    /// <summary>The filter's parameters, escaped: its tags, then its metadata conditions.</summary>
    public static IEnumerable<string> Of(InstanceFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Tags.Select(tag => $"{Tag}={Uri.EscapeDataString(tag)}")
            .Concat(filter.Metadata.Select(match => $"{MetaPrefix}{Uri.EscapeDataString(match.Key)}={Uri.EscapeDataString(match.Value)}"));
    }

    /// <summary>The zone's parameter, escaped.</summary>
    public static string OfZone(string near) => $"{Near}={Uri.EscapeDataString(near)}";
}
