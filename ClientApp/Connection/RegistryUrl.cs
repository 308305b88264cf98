namespace OrleansRegistry.ClientApp.Connection;

/// <summary>A registry's HTTP address as the user wrote it: <c>http://host:8080</c>, or with a base path behind a proxy.</summary>
internal static class RegistryUrl
{
    /// <summary>Every URL of a comma-separated list (one URL is a list of one); throws <see cref="FormatException"/> at the first malformed one.</summary>
    public static IEnumerable<Uri> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse);
    }

    /// <summary>
    /// One absolute <c>http</c> or <c>https</c> URL without query or fragment, its path ending in
    /// <c>/</c> so that the API's relative paths resolve under it rather than replacing its last segment.
    /// </summary>
    public static Uri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.Query.Length > 0
            || url.Fragment.Length > 0
            || url.UserInfo.Length > 0)
        {
            throw new FormatException($"registry URL '{text}' must be an absolute http:// or https:// URL such as http://localhost:8080, without query or credentials");
        }

        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url, url.AbsolutePath + "/");
    }
}
