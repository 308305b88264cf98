// Smooth weighted round robin over metadata["weight"] (integers 1..1000), in two regimes.
//
// Small sets (at most SmoothSequenceLimit instances): nginx's algorithm exactly (NginxSmoothWeights):
// each pick adds every weight to its running score, takes the highest score and lowers it by the
// total W = Σweights. Weights {5,1,1} give "a a b a c a a". O(n) per pick, which is nothing for n ≤ 32.
//
// Large sets: a virtual-time schedule (VirtualTimeSchedule). Instances of equal weight form one
// group (at most 1000 groups, one per distinct weight). A group of c instances of weight w has
// R = c·w events in each unit of virtual time, at the midpoints p + (2m+1)/(2R) for period
// p = 0, 1, 2, ... and m = 0..R-1; event m is one pick of member (m mod c), so the members take turns
// and each is due once every 1/w of virtual time. Events are taken in the total order (time, heavier
// group first): a binary heap over the groups holds each group's next event, compared exactly by
// cross-multiplying the fractions. A pick is the root's event plus one sift of a heap of at most
// 1000 groups (≤ 10 levels; nothing to sift when all weights are equal), so its cost does not grow
// with the number of instances, and there is no table of W entries: the schedule holds one int per
// instance and a few words per distinct weight. Like nginx it interleaves: between two picks of an
// instance of weight w, 1/w of virtual time passes, which holds W/w picks give or take one per
// distinct weight.
//
// Why every window of W consecutive picks holds each instance exactly its weight (within one
// candidate list): the heap is a k-way merge of the groups' increasing event sequences, so events
// come out in the total order above. Adding 1 to the time maps the events of period p one-to-one,
// in the same order, onto those of period p+1 (the tie-break by weight does not depend on time), so
// every period hands out the same block of picks. One period holds R = c·w events of a group, m
// running through 0..R-1, and m mod c takes each of the c values exactly w times: each instance is
// picked exactly its weight, W = Σ c·w picks in all. The pick sequence is therefore periodic with
// period W, and any W consecutive picks are a rotation of one period, so they hold each instance
// exactly its weight. A schedule rebound from an earlier list starts at a cut of this same order, so
// this holds from its first pick. (nginx's sequence holds it from a fresh start: after W picks its
// scores are back at zero.)
//
// A new candidate list (a new snapshot) keeps the place in the sequence: nginx keeps the scores of
// instances that stay; the schedule puts every group at its first event not before the next one due,
// so frequent snapshots do not restart the period and starve the instances due late in it (for the
// same instances the sequence goes on unchanged). Crossing SmoothSequenceLimit starts the other
// regime afresh.

using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// Smooth weighted round robin over <c>metadata["weight"]</c>: nginx's exact sequence for up to
/// <see cref="SmoothSequenceLimit"/> instances, a virtual-time schedule whose pick does not grow with the instances above that;
/// any window of Σweights picks holds each instance exactly its weight. Allocates nothing per pick;
/// not thread-safe (<see cref="StrategySet"/> serializes the picks of a service).
/// </summary>
public sealed class SmoothWeightedRoundRobin : ISelectionStrategy
{
    /// <summary>The largest set picked by nginx's O(n) algorithm.</summary>
    public const int SmoothSequenceLimit = 32;

    private readonly NginxSmoothWeights _small = new();
    private readonly VirtualTimeSchedule _large = new();
    private IReadOnlyList<ServiceInstance>? _candidates;
    private bool _isSmall;

    public LoadBalancingStrategy Kind => LoadBalancingStrategy.WeightedRoundRobin;

    public bool TryPick(IReadOnlyList<ServiceInstance> candidates, out InstancePick pick)
    {
        if (candidates.Count == 0)
        {
            pick = default;
            return false;
        }

        if (!ReferenceEquals(candidates, _candidates))
        {
            Rebind(candidates);
        }

        pick = new InstancePick(candidates[_isSmall ? _small.Next() : _large.Next()], 0);
        return true;
    }

    private void Rebind(IReadOnlyList<ServiceInstance> candidates)
    {
        var isSmall = candidates.Count <= SmoothSequenceLimit;
        if (_candidates is not null && isSmall != _isSmall)
        {
            // The regimes have no common notion of a place in the sequence; drop the one left behind.
            _small.Reset();
            _large.Reset();
        }

        if (isSmall)
        {
            _small.Rebind(candidates);
        }
        else
        {
            _large.Rebind(candidates);
        }

        _candidates = candidates;
        _isSmall = isSmall;
    }
}
