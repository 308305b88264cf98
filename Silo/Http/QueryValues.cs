using System.Buffers;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>Strict parsing of the query parameters; a value that does not parse is a 400 naming the parameter.</summary>
internal static class QueryValues
{
    private static readonly SearchValues<char> StrategyChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");

    /// <summary>
    /// Refuses a control character in any query parameter, read or not: such a value has no honest
    /// use and must not reach a log or a grain. The parameter is named unless its name is the problem.
    /// </summary>
    public static void RefuseControlCharacters(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var (name, values) in query)
        {
            if (InputText.HasControlCharacter(name))
            {
                throw Invalid("query", "parameter names must not contain control characters");
            }

            foreach (var value in values)
            {
                if (value is not null && InputText.HasControlCharacter(value))
                {
                    throw Invalid(name, "must not contain control characters");
                }
            }
        }
    }

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

        // Names are letters and underscores; the shared parser would also forgive white space around them.
        return !text.AsSpan().ContainsAnyExcept(StrategyChars) && LoadBalancingStrategyNames.TryParse(text, out var strategy)
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

        if (!InputText.TryParseDigits(index, out long parsed))
        {
            throw Invalid("index", "must be a non-negative integer in digits only (the X-Registry-Index of an earlier answer)");
        }

        return new BlockingQuery(parsed, duration);
    }

    private static HttpInputException Invalid(string name, string message) =>
        new(StatusCodes.Status400BadRequest, "Invalid query parameter", $"{name}: {message}", name);
}
