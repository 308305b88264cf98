using System.Globalization;
using System.Text;

namespace OrleansRegistry.Contracts;

/// <summary>Durations in the Go/Consul style the fleet already writes: <c>30s</c>, <c>1m30s</c>, <c>500ms</c>, <c>2h</c>.</summary>
public static class DurationText
{
    /// <summary>
    /// Reads one or more <c>number unit</c> pairs (units <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>; a
    /// number may have a decimal point), at most 32 characters. Strict: no sign, no white space
    /// (not even around the text), no other character.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
        {
            return false;
        }

        var rest = text.AsSpan();
        var total = 0.0;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            var unitLength = 0;
            while (digits + unitLength < rest.Length && char.IsAsciiLetter(rest[digits + unitLength]))
            {
                unitLength++;
            }

            if (digits == 0 || unitLength == 0
                || !double.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            double? milliseconds = rest.Slice(digits, unitLength) switch
            {
                "ms" => value,
                "s" => value * 1000,
                "m" => value * 60_000,
                "h" => value * 3_600_000,
                _ => null,
            };
            if (milliseconds is null)
            {
                return false;
            }

            total += milliseconds.Value;
            rest = rest[(digits + unitLength)..];
        }

        if (total > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return $"{(long)duration.TotalMilliseconds}ms";
        }

        var builder = new StringBuilder();
        if (duration.Hours > 0 || duration.Days > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{(long)duration.TotalHours}h");
        }

        if (duration.Minutes > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{duration.Minutes}m");
        }

        if (duration.Seconds > 0 || builder.Length == 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{duration.Seconds}s");
        }

        return builder.ToString();
    }
}
