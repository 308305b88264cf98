using System.Collections.Concurrent;
using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// The instances of one snapshot a pick may choose among: the selectable ones, and per filter and
/// zone the subset a filtered or zone-aware pick uses. Shared by the silo's copies and the client
/// library's cache, so both pick from the same lists by the same rules.
/// </summary>
public sealed class CandidateLists
{
    /// <summary>
    /// How many distinct filtered candidate lists are kept. Kept lists make repeated filtered picks
    /// cheap and give stateful strategies (weighted round robin) the same list object each time; a
    /// caller cycling through more filters than this has the rest computed per pick.
    /// </summary>
    public const int MaxKeptLists = 16;

    private ConcurrentDictionary<(InstanceFilter Filter, string? Near), SelectionCandidates>? _kept;

    public CandidateLists(ServiceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Selectable = snapshot.Instances.Where(instance => instance.IsSelectable).ToArray();
        Array.Sort(Selectable, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
    }

    /// <summary>The instances a balancer may hand out, ordered by id.</summary>
    public ServiceInstance[] Selectable { get; }

    /// <summary>
    /// The selectable instances a pick with <paramref name="filter"/> chooses among: those in zone
    /// <paramref name="near"/> when it has any, else all of them (marked as a fallback).
    /// </summary>
    public SelectionCandidates For(InstanceFilter filter, string? near)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var kept = _kept ??= new ConcurrentDictionary<(InstanceFilter, string?), SelectionCandidates>();
        if (kept.TryGetValue((filter, near), out var candidates))
        {
            return candidates;
        }

        candidates = Compute(filter, near);

        // Racing first uses may both compute; the list kept is the one every later pick gets.
        return kept.Count < MaxKeptLists ? kept.GetOrAdd((filter, near), candidates) : candidates;
    }

    private SelectionCandidates Compute(InstanceFilter filter, string? near)
    {
        var matching = filter.IsEmpty ? Selectable : Array.FindAll(Selectable, filter.Matches);
        if (near is null)
        {
            return new SelectionCandidates(matching, ZoneFallback: false);
        }

        var inZone = Array.FindAll(matching, instance =>
            instance.Metadata.TryGetValue(ServiceInstance.ZoneKey, out var zone) && string.Equals(zone, near, StringComparison.Ordinal));
        return inZone.Length > 0 ? new SelectionCandidates(inZone, ZoneFallback: false) : new SelectionCandidates(matching, ZoneFallback: true);
    }
}
