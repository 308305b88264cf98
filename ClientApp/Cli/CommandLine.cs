namespace OrleansRegistry.ClientApp.Cli;

/// <summary>A parsed command line: positional arguments in order, and options by name (without the dashes).</summary>
internal sealed class CommandLine(IReadOnlyList<string> positionals, IReadOnlyDictionary<string, IReadOnlyList<string>> options)
{
    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool HasFlag(string name) => options.ContainsKey(name);

    /// <summary>The option's value, or null when it was not given; giving it twice is a usage error.</summary>
    public string? GetValue(string name)
    {
        if (!options.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw new UsageException($"--{name} may be given only once");
    }

    /// <summary>Every value of a repeatable option, in order.</summary>
    public IReadOnlyList<string> GetValues(string name) => options.TryGetValue(name, out var values) ? values : [];

    /// <summary>Checks the command's positional arguments: exactly the given names, in order.</summary>
    public void ExpectPositionals(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (Positionals.Count < names.Length)
        {
            throw new UsageException($"missing {names[Positionals.Count]}");
        }

        if (Positionals.Count > names.Length)
        {
            throw new UsageException($"unexpected argument '{Positionals[names.Length]}'");
        }
    }
}
