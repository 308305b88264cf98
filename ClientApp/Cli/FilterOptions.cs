using System.CommandLine;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// <c>--tag T</c> and <c>--meta K=V</c> (both repeatable) of <c>instances</c>, <c>watch</c> and
/// <c>select</c>: the HTTP API's <c>?tag=</c> and <c>?meta.K=</c>, checked by the same validator
/// (a bad one is exit 2 naming <c>tag</c> or <c>meta</c>, before anything is sent).
/// </summary>
internal sealed class FilterOptions
{
    private readonly Option<string[]> _tags = new("--tag") { Description = "keep only instances carrying this tag; repeatable", HelpName = "T" };
    private readonly Option<string[]> _meta = new("--meta") { Description = "keep only instances whose metadata K equals V; repeatable", HelpName = "K=V" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_tags);
        command.Options.Add(_meta);
    }

    public InstanceFilter Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var tags = parseResult.GetValue(_tags) ?? [];
        var metadata = KeyValueText.Parse(parseResult.GetValue(_meta), "meta").Select(pair => new MetadataMatch(pair.Key, pair.Value)).ToList();
        if (tags.Length == 0 && metadata.Count == 0)
        {
            return InstanceFilter.None;
        }

        var filter = new InstanceFilter(tags, metadata);
        RegistryValidator.ValidateFilter(filter);
        return filter;
    }
}
