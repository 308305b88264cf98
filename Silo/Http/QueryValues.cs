using System.Globalization;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;

namespace OrleansRegistry.Silo.Http;

/// <summary>Strict parsing of the query parameters; a value that does not parse is a 400 naming the parameter.</summary>
internal static class QueryValues
{
    /// <summary><c>true</c>/<c>false</c> (any case); a bare <c>?healthy</c> means true; absent means false.</summary>
    public static bool ParseFlag(string? text, string name)
    {
        if (text is null)
        {
            return false;
        }

        if (text.Length == 0 || text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw Invalid(name, "must be true or false");
    }

    /// <summary>A strategy's wire name; absent or empty means round robin.</summary>
    public static LoadBalancingStrategy ParseStrategy(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return LoadBalancingStrategy.RoundRobin;
        }

        return LoadBalancingStrategyNames.TryParse(text, out var strategy)
            ? strategy
            : throw Invalid("strategy", $"must be one of {string.Join(", ", LoadBalancingStrategyNames.All)}");
    }

    /// <summary>The blocking query in <c>?index=N&amp;wait=D</c>, or null when no index was given (answer at once).</summary>
    public static BlockingQuery? ParseBlockingQuery(string? index, string? wait)
    {
        var duration = HttpApiLimits.DefaultWait;
        if (wait is not null)
        {
            if (!DurationText.TryParse(wait, out duration))
            {
                throw Invalid("wait", "must be a duration such as \"30s\", \"1m30s\" or \"500ms\"");
            }

            if (duration > HttpApiLimits.MaxWait)
            {
                duration = HttpApiLimits.MaxWait;
            }
        }

        if (index is null)
        {
            return null;
        }

        if (!long.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            throw Invalid("index", "must be a non-negative integer (the X-Registry-Index of an earlier answer)");
        }

        return new BlockingQuery(parsed, duration);
    }

    private static HttpInputException Invalid(string name, string message) =>
        new(StatusCodes.Status400BadRequest, "Invalid query parameter", $"{name}: {message}", name);
}
