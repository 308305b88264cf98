using System.Buffers.Text;
using System.Globalization;
using System.Text;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// A <see cref="LeaseToken"/> as one opaque URL-safe string: base64url of
/// <c>silo '\n' service grain key '\n' lease id</c>. Naming the silo lets any silo route the release to the
/// balancer that counted the lease.
/// </summary>
public static class LeaseTokenCodec
{
    private const char Separator = '\n';

    public static string Encode(LeaseToken lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var text = string.Create(CultureInfo.InvariantCulture, $"{lease.Silo}{Separator}{lease.ServiceName}{Separator}{lease.LeaseId}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Decodes a token; false for anything this codec did not produce.</summary>
    public static bool TryDecode(string? token, out LeaseToken lease)
    {
        lease = null!;
        if (string.IsNullOrEmpty(token) || token.Length > HttpApiLimits.MaxLeaseTokenLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return false;
        }

        var parts = text.Split(Separator);
        if (parts.Length != 3
            || parts[0].Length == 0
            || InputText.HasControlCharacter(parts[0])
            || !ServiceKey.IsValidGrainKey(parts[1])
            || !InputText.TryParseDigits(parts[2], out long leaseId)
            || leaseId <= 0)
        {
            return false;
        }

        lease = new LeaseToken(parts[0], parts[1], leaseId);
        return true;
    }
}
