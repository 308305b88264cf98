using Microsoft.Extensions.Options;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>Refuses key settings that would lock callers out or let a guess in. Messages name the key, never repeat a key.</summary>
public sealed class ApiKeyAuthenticationOptionsValidator : IValidateOptions<ApiKeyAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // A blank entry would be a key anyone can guess.
        var blank = options.ApiKeys.Count(string.IsNullOrWhiteSpace);
        if (blank > 0)
        {
            failures.Add($"Configuration key '{ApiKeyAuthentication.ConfigurationKey}' has {blank} empty entr{(blank == 1 ? "y" : "ies")}.");
        }

        foreach (var key in options.Keys)
        {
            ValidateKey(key, failures);
        }

        if (options.ProtectReads && !options.IsEnabled)
        {
            failures.Add($"Configuration key '{ApiKeyAuthentication.ProtectReadsKey}' is true but no key is configured ({ApiKeyAuthentication.KeysSection}), so nobody could read.");
        }

        if (failures.Count == 0)
        {
            // The same key twice would be granted whichever entry the comparison met last.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var digests = ApiKeyGrant.From(options).Select(grant => Convert.ToHexString(grant.Digest)).ToArray();
            var paths = options.ApiKeys.Select((_, i) => $"{ApiKeyAuthentication.ConfigurationKey}:{i}").Concat(options.Keys.Select(key => key.Path)).ToArray();
            for (var i = 0; i < digests.Length; i++)
            {
                if (!seen.Add(digests[i]))
                {
                    failures.Add($"Configuration key '{paths[i]}' repeats a key configured before it.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateKey(ScopedApiKeyOptions key, List<string> failures)
    {
        var hasKey = key.Key is not null;
        var hasHash = key.KeySha256 is not null;
        if (hasKey == hasHash)
        {
            failures.Add($"Configuration key '{key.Path}:Key' or '{key.Path}:KeySha256': give exactly one of them.");
        }
        else if (hasKey && string.IsNullOrWhiteSpace(key.Key))
        {
            failures.Add($"Configuration key '{key.Path}:Key' is empty.");
        }
        else if (hasHash && !ApiKeyGrant.TryParseSha256(key.KeySha256, out _))
        {
            failures.Add($"Configuration key '{key.Path}:KeySha256' must be the SHA-256 of the key as 64 hex digits.");
        }

        if (!ApiKeyGrant.TryParseAccess(key.Access, out _))
        {
            failures.Add($"Configuration key '{key.Path}:Access' must be read, write or admin.");
        }

        if (key.Namespaces.Count == 0
            || key.Namespaces.Any(ns => ns != ApiKeyGrant.AllNamespaces && !RegistryValidator.IsValidName(ns)))
        {
            failures.Add($"Configuration key '{key.Path}:Namespaces' must list * or namespace names matching [A-Za-z0-9][A-Za-z0-9._-]{{0,127}}.");
        }
    }
}
