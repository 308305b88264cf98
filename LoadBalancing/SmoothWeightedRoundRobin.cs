using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// nginx's smooth weighted round robin over <c>metadata["weight"]</c>: each pick adds every
/// weight to its running score, takes the highest score and lowers it by the total. Weights
/// {5,1,1} give <c>a a b a c a a</c>; any window of Σweights picks holds each instance exactly its weight.
/// </summary>
public sealed class SmoothWeightedRoundRobin : ISelectionStrategy
{
    private IReadOnlyList<ServiceInstance>? _candidates;
    private int[] _weights = [];
    private long[] _scores = [];
    private long _totalWeight;

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

        var best = 0;
        for (var i = 0; i < _scores.Length; i++)
        {
            _scores[i] += _weights[i];
            if (_scores[i] > _scores[best])
            {
                best = i;
            }
        }

        _scores[best] -= _totalWeight;
        pick = new InstancePick(candidates[best], 0);
        return true;
    }

    /// <summary>Aligns the running scores with a new candidate list, keeping the scores of instances that stay.</summary>
    private void Rebind(IReadOnlyList<ServiceInstance> candidates)
    {
        Dictionary<string, long>? previous = null;
        if (_candidates is not null)
        {
            previous = new Dictionary<string, long>(_candidates.Count, StringComparer.Ordinal);
            for (var i = 0; i < _candidates.Count; i++)
            {
                previous[_candidates[i].Id] = _scores[i];
            }
        }

        var weights = new int[candidates.Count];
        var scores = new long[candidates.Count];
        long total = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            weights[i] = candidates[i].Weight;
            total += weights[i];
            if (previous is not null && previous.TryGetValue(candidates[i].Id, out var score))
            {
                scores[i] = score;
            }
        }

        _candidates = candidates;
        _weights = weights;
        _scores = scores;
        _totalWeight = total;
    }
}
