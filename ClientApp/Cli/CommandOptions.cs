namespace OrleansRegistry.ClientApp.Cli;

/// <summary>The options a command accepts: flags stand alone, valued options take the next argument (or <c>--name=value</c>).</summary>
internal sealed record CommandOptions(IReadOnlySet<string> Flags, IReadOnlySet<string> Values)
{
    public static CommandOptions None { get; } = Create([], []);

    public static CommandOptions Create(string[] flags, string[] values) =>
        new(new HashSet<string>(flags, StringComparer.Ordinal), new HashSet<string>(values, StringComparer.Ordinal));

    public CommandOptions Merge(CommandOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            new HashSet<string>(Flags.Concat(other.Flags), StringComparer.Ordinal),
            new HashSet<string>(Values.Concat(other.Values), StringComparer.Ordinal));
    }
}
