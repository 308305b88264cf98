namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// Splits arguments into positionals and options. Options may appear anywhere; <c>--</c> ends
/// option parsing so that a positional may start with a dash.
/// </summary>
internal static class CommandLineParser
{
    public static CommandLine Parse(IReadOnlyList<string> args, CommandOptions accepted)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(accepted);
        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || !arg.StartsWith('-') || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            var (name, inlineValue) = SplitOption(arg);
            if (accepted.Flags.Contains(name))
            {
                if (inlineValue is not null)
                {
                    throw new UsageException($"--{name} takes no value");
                }

                Values(options, name).Add(string.Empty);
            }
            else if (accepted.Values.Contains(name))
            {
                if (inlineValue is null)
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException($"--{name} needs a value");
                    }

                    inlineValue = args[++i];
                }

                Values(options, name).Add(inlineValue);
            }
            else
            {
                throw new UsageException($"unknown option '{arg}'");
            }
        }

        return new CommandLine(positionals, options.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<string>)entry.Value, StringComparer.Ordinal));
    }

    private static (string Name, string? InlineValue) SplitOption(string arg)
    {
        var body = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg[1..];
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? body : body[..equals];
        if (name == "h")
        {
            name = "help";
        }

        return (name, equals < 0 ? null : body[(equals + 1)..]);
    }

    private static List<string> Values(Dictionary<string, List<string>> options, string name)
    {
        if (!options.TryGetValue(name, out var values))
        {
            values = [];
            options[name] = values;
        }

        return values;
    }
}
