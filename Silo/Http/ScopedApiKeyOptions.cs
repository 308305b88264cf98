namespace OrleansRegistry.Silo.Http;

/// <summary>One entry of <c>Registry:Auth:Keys</c>: a key (as is, or as its SHA-256), its access and its namespaces.</summary>
public sealed class ScopedApiKeyOptions
{
    /// <summary>The configuration path of the entry (such as <c>Registry:Auth:Keys:0</c>), for messages that name it.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The key itself; give this or <see cref="KeySha256"/>, not both.</summary>
    public string? Key { get; set; }

    /// <summary>The hex SHA-256 of the key's UTF-8 bytes, so that configuration need not hold the key.</summary>
    public string? KeySha256 { get; set; }

    /// <summary><c>read</c>, <c>write</c> (the default) or <c>admin</c>, in any case.</summary>
    public string? Access { get; set; }

    /// <summary>The namespaces the key grants access to; <c>*</c> (the default) is every namespace.</summary>
    public IReadOnlyList<string> Namespaces { get; set; } = [ApiKeyGrant.AllNamespaces];
}
