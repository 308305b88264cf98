using Microsoft.AspNetCore.WebUtilities;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Reads an <see cref="InstanceFilter"/> from <c>?tag=T</c> and <c>?meta.K=V</c> (both repeatable)
/// and the zone of <c>?near=Z</c>. Tags come bound like any parameter; metadata conditions are read
/// from the query as sent rather than through <see cref="IQueryCollection"/>, whose names are
/// case-insensitive: metadata keys are not, so <c>meta.Zone</c> and <c>meta.zone</c> are two
/// conditions. The <c>meta.</c> prefix itself is matched in any case, like parameter names.
/// </summary>
internal static class FilterQuery
{
    public const string TagParameter = FilterQueryParameters.Tag;
    public const string MetaPrefix = FilterQueryParameters.MetaPrefix;
    public const string NearParameter = FilterQueryParameters.Near;

    /// <summary>The filter in the request's query; <see cref="InstanceFilter.None"/> when it has none. A malformed one is a 400 naming the parameter.</summary>
    public static InstanceFilter Parse(string[]? tags, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<MetadataMatch>? metadata = null;
        if (request.QueryString.Value is { } query && query.Contains("meta", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var pair in new QueryStringEnumerable(query))
            {
                var name = pair.DecodeName().Span;
                if (name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    (metadata ??= []).Add(new MetadataMatch(name[MetaPrefix.Length..].ToString(), pair.DecodeValue().ToString()));
                }
            }
        }

        if ((tags is null || tags.Length == 0) && metadata is null)
        {
            return InstanceFilter.None;
        }

        var filter = new InstanceFilter(tags ?? [], metadata ?? []);
        RegistryValidator.ValidateFilter(filter);
        return filter;
    }

    /// <summary>The zone of <c>?near=</c>, or null when absent.</summary>
    public static string? ParseNear(string? near)
    {
        if (near is not null)
        {
            RegistryValidator.ValidateZone(near, NearParameter);
        }

        return near;
    }
}
