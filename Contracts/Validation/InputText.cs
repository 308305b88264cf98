using System.Buffers;
using System.Globalization;

namespace OrleansRegistry.Validation;

/// <summary>
/// The two strict readings every input goes through: no control character anywhere, and numbers
/// written as plain ASCII digits. The framework's parsers are lenient in ways input must not be
/// (<c>int.Parse</c> accepts trailing NULs, <see cref="NumberStyles.Integer"/> whitespace and signs).
/// </summary>
public static class InputText
{
    // Unicode's control characters (category Cc): C0, DEL and C1; tab, CR and LF among them.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(char.IsControl).ToArray());

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static bool HasControlCharacter(ReadOnlySpan<char> text) => text.ContainsAny(Controls);

    /// <summary>True when <paramref name="text"/> still holds a control character once its %XX escapes are decoded.</summary>
    public static bool HasEncodedControlCharacter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('%', StringComparison.Ordinal) && HasControlCharacter(Uri.UnescapeDataString(text));
    }

    /// <summary>A non-negative integer written as ASCII digits only: no sign, space, separator or trailing NUL.</summary>
    public static bool TryParseDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        return !text.IsEmpty
            && !text.ContainsAnyExcept(Digits)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <inheritdoc cref="TryParseDigits(ReadOnlySpan{char}, out long)"/>
    public static bool TryParseDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        return !text.IsEmpty
            && !text.ContainsAnyExcept(Digits)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
