using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>The <c>K=V</c> values of <c>--meta</c>: split at the first <c>=</c>; a missing key is refused naming <paramref name="field"/>.</summary>
internal static class KeyValueText
{
    public static IEnumerable<KeyValuePair<string, string>> Parse(IEnumerable<string>? pairs, string field)
    {
        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new RegistryValidationException(field, $"'{pair}' must be written key=value");
            }

            yield return new KeyValuePair<string, string>(pair[..equals], pair[(equals + 1)..]);
        }
    }
}
