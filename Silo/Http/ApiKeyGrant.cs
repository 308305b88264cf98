using System.Security.Cryptography;
using System.Text;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// One configured key as the handler compares it: the SHA-256 of the key (never the key itself)
/// and what it grants. Keys given as hashes and keys given as is end up alike.
/// </summary>
internal sealed record ApiKeyGrant(byte[] Digest, RegistryAccess Access, IReadOnlyList<string> Namespaces)
{
    /// <summary>The namespace entry that stands for every namespace.</summary>
    public const string AllNamespaces = "*";

    public static byte[] DigestOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary><c>read</c>, <c>write</c> or <c>admin</c> in any case; null (absent) means write.</summary>
    public static bool TryParseAccess(string? text, out RegistryAccess access)
    {
        access = RegistryAccess.Write;
        switch (text?.ToLowerInvariant())
        {
            case null:
            case "write":
                return true;
            case "read":
                access = RegistryAccess.Read;
                return true;
            case "admin":
                access = RegistryAccess.Admin;
                return true;
            default:
                return false;
        }
    }

    /// <summary>64 hex digits, either case.</summary>
    public static bool TryParseSha256(string? text, out byte[] digest)
    {
        digest = [];
        if (text is not { Length: SHA256.HashSizeInBytes * 2 } || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        digest = Convert.FromHexString(text);
        return true;
    }

    /// <summary>The grants of validated options: <c>Registry:ApiKeys</c> entries are write keys on every namespace.</summary>
    public static IReadOnlyList<ApiKeyGrant> From(ApiKeyAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var grants = new List<ApiKeyGrant>(options.ApiKeys.Count + options.Keys.Count);
        foreach (var key in options.ApiKeys)
        {
            grants.Add(new ApiKeyGrant(DigestOf(key), RegistryAccess.Write, [AllNamespaces]));
        }

        foreach (var entry in options.Keys)
        {
            var digest = entry.KeySha256 is { } hex && TryParseSha256(hex, out var parsed) ? parsed : DigestOf(entry.Key ?? string.Empty);
            // Validated options parse; anything else would grant the least.
            var access = TryParseAccess(entry.Access, out var parsedAccess) ? parsedAccess : RegistryAccess.Read;
            grants.Add(new ApiKeyGrant(digest, access, entry.Namespaces));
        }

        return grants;
    }

    /// <summary>Whether this grant allows <paramref name="needed"/> in <paramref name="ns"/>.</summary>
    public bool Allows(RegistryAccess needed, string ns) =>
        Access >= needed && Namespaces.Any(granted => granted == AllNamespaces || string.Equals(granted, ns, StringComparison.Ordinal));
}
