using System.Buffers;

namespace OrleansRegistry.Silo.Dns;

/// <summary>The contract's tag rule, <c>[A-Za-z0-9][A-Za-z0-9._:-]{0,63}</c>, for the tag label of a DNS name.</summary>
public static class DnsTag
{
    private static readonly SearchValues<char> TagTail =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-");

    public static bool IsValid(string? tag) =>
        !string.IsNullOrEmpty(tag)
        && tag.Length <= 64
        && char.IsAsciiLetterOrDigit(tag[0])
        && !tag.AsSpan().ContainsAnyExcept(TagTail);
}
