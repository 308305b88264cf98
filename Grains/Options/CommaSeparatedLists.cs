using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansRegistry.Options;

/// <summary>
/// A list setting may be given as entries (<c>Registry:ApiKeys:0</c>, <c>Registry:ApiKeys:1</c>), which the
/// binder reads, or as one comma-separated value (<c>Registry__ApiKeys=a,b</c>, handy in one environment
/// variable), which the binder alone would ignore without a word.
/// </summary>
public static class CommaSeparatedLists
{
    public static OptionsBuilder<TOptions> BindCommaSeparated<TOptions>(this OptionsBuilder<TOptions> builder, string key, Action<TOptions, IReadOnlyList<string>> assign)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assign);
        return builder.Configure<IConfiguration>((options, configuration) =>
        {
            if (configuration[key] is { } value)
            {
                assign(options, value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        });
    }
}
