using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansRegistry.Validation;

/// <summary>
/// A host as the network reads it: an <see cref="Address"/> when the text is any spelling of one,
/// otherwise a lower-case ASCII (punycode) name without its trailing dot. Address spellings follow
/// the URL standard and <c>inet_aton</c>, so <c>169.254.169.254.</c>, <c>0xa9fea9fe</c>,
/// <c>0251.0376.0251.0376</c>, <c>2852039166</c> and <c>169.254.43518</c> are all 169.254.169.254,
/// and an IPv4-mapped IPv6 address is its IPv4 address. Registration, the health URL rules and the
/// probes compare and check this form, so no spelling of an address slips past them.
/// </summary>
public sealed record CanonicalHost
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    private static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");
    private static readonly SearchValues<char> DecimalDigits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private CanonicalHost(string name, IPAddress? address)
    {
        Name = name;
        Address = address;
    }

    /// <summary>The canonical text: the address in its standard form (IPv6 without brackets), or the name.</summary>
    public string Name { get; }

    /// <summary>The address the host spells, or null for a name that must be resolved.</summary>
    public IPAddress? Address { get; }

    /// <summary>
    /// Reads a host as written in a URL or a registration: a name, an IPv4 address in any of its
    /// forms, or an IPv6 address with or without brackets. False for anything else, including any
    /// control character or white space.
    /// </summary>
    public static bool TryParse(string? host, [NotNullWhen(true)] out CanonicalHost? canonical)
    {
        canonical = null;
        if (string.IsNullOrEmpty(host) || host.Length > MaxNameLength + 2 || InputText.HasControlCharacter(host) || host.Any(char.IsWhiteSpace))
        {
            return false;
        }

        if (host.StartsWith('['))
        {
            return host.EndsWith(']') && TryParseIPv6(host[1..^1], out canonical);
        }

        if (host.Contains(':', StringComparison.Ordinal))
        {
            return TryParseIPv6(host, out canonical);
        }

        string ascii;
        try
        {
            // IDNA also maps what would otherwise hide a dot or a digit (U+3002 "。", full-width "１").
            ascii = new IdnMapping().GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (ascii.EndsWith('.'))
        {
            ascii = ascii[..^1];
        }

        if (ascii.Length is 0 or > MaxNameLength)
        {
            return false;
        }

        var labels = ascii.Split('.');
        if (EndsInANumber(labels[^1]))
        {
            // As in the URL standard: a host whose last label is a number is an IPv4 address or nothing.
            if (!IPAddress.TryParse(ascii, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
            {
                return false;
            }

            canonical = new CanonicalHost(address.ToString(), address);
            return true;
        }

        if (labels.Any(label => label.Length is 0 or > MaxLabelLength || label.AsSpan().ContainsAnyExcept(NameChars)))
        {
            return false;
        }

        canonical = new CanonicalHost(ascii, null);
        return true;
    }

    public override string ToString() => Name;

    private static bool TryParseIPv6(string text, out CanonicalHost? canonical)
    {
        canonical = null;
        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        canonical = new CanonicalHost(address.ToString(), address);
        return true;
    }

    /// <summary>The URL standard's test: all decimal digits, or <c>0x</c> and hex digits.</summary>
    private static bool EndsInANumber(string label) =>
        label.Length > 0
        && (!label.AsSpan().ContainsAnyExcept(DecimalDigits)
            || (label.StartsWith("0x", StringComparison.Ordinal) && !label.AsSpan(2).ContainsAnyExcept(HexDigits)));
}
