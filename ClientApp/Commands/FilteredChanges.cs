using OrleansRegistry.Client.Watching;
using OrleansRegistry.Model;

namespace OrleansRegistry.ClientApp.Commands;

/// <summary>
/// A watch's steps as seen through a filter: an instance that starts to match is added, one that
/// stops matching is removed, and a step that touches no instance the filter keeps is dropped
/// (the first step is always kept). Filtered here from the registry's pushed steps.
/// </summary>
internal static class FilteredChanges
{
    public static ServiceChange? Apply(ServiceChange change, InstanceFilter filter)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
        {
            return change;
        }

        var added = change.Added.Where(filter.Matches).ToList();
        var removed = change.Removed.Where(filter.Matches).ToList();
        var updated = new List<InstanceUpdate>();
        foreach (var update in change.Updated)
        {
            switch (filter.Matches(update.Before), filter.Matches(update.After))
            {
                case (true, true):
                    updated.Add(update);
                    break;
                case (false, true):
                    added.Add(update.After);
                    break;
                case (true, false):
                    removed.Add(update.Before);
                    break;
            }
        }

        if (!change.IsInitial && added.Count == 0 && removed.Count == 0 && updated.Count == 0)
        {
            return null;
        }

        return change with
        {
            Instances = change.Instances.Where(filter.Matches).ToList(),
            Added = added,
            Removed = removed,
            Updated = updated,
        };
    }
}
