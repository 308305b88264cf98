using Microsoft.AspNetCore.Authentication;

namespace OrleansRegistry.Silo.Http;

/// <summary>The <c>X-Api-Key</c> scheme's settings: the keys of <c>Registry:ApiKeys</c>.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Keys accepted in <c>X-Api-Key</c>, each granting the write scope; empty leaves writes open.</summary>
    public IReadOnlyList<string> ApiKeys { get; set; } = [];

    /// <summary>False when no keys are configured: every caller may write.</summary>
    public bool IsEnabled => ApiKeys.Count > 0;
}
