using System.Security.Cryptography;
using System.Text;
using OrleansRegistry.Silo.Hosting;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// The keys accepted for writes (<c>Registry:ApiKeys</c>). Keys are compared as SHA-256 digests with
/// <see cref="CryptographicOperations.FixedTimeEquals"/> against every key, so the time taken says
/// nothing about how much of a key matched, its length, or which key it was.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly byte[][] _digests;

    public ApiKeyRing(SiloConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _digests = configuration.Registry.ApiKeys.Select(key => SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToArray();
    }

    /// <summary>False when no keys are configured: writes are open.</summary>
    public bool IsEnabled => _digests.Length > 0;

    public bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var matched = false;
        foreach (var candidate in _digests)
        {
            matched |= CryptographicOperations.FixedTimeEquals(digest, candidate);
        }

        return matched;
    }
}
