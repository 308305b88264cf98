using Microsoft.AspNetCore.Authentication;

namespace OrleansRegistry.Silo.Http;

/// <summary>The <c>X-Api-Key</c> scheme's settings: <c>Registry:Auth</c> and the older <c>Registry:ApiKeys</c>.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    private IReadOnlyList<ApiKeyGrant>? _grants;

    /// <summary>Keys of <c>Registry:ApiKeys</c>, each a write key on every namespace.</summary>
    public IReadOnlyList<string> ApiKeys { get; set; } = [];

    /// <summary>The scoped keys of <c>Registry:Auth:Keys</c>.</summary>
    public IReadOnlyList<ScopedApiKeyOptions> Keys { get; set; } = [];

    /// <summary><c>Registry:Auth:ProtectReads</c>: reads need a key with read access too.</summary>
    public bool ProtectReads { get; set; }

    /// <summary>False when no keys are configured: every caller may write.</summary>
    public bool IsEnabled => ApiKeys.Count > 0 || Keys.Count > 0;

    /// <summary>Every configured key as digest and grant, built once (after validation) from the lists above.</summary>
    internal IReadOnlyList<ApiKeyGrant> Grants => _grants ??= ApiKeyGrant.From(this);
}
