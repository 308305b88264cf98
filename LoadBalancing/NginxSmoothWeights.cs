using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// nginx's smooth weighted round robin, exactly: each pick adds every weight to its running score,
/// takes the highest score (the first on a tie) and lowers it by the total. O(n) per pick, so
/// <see cref="SmoothWeightedRoundRobin"/> uses it for small sets only.
/// </summary>
internal sealed class NginxSmoothWeights
{
    private IReadOnlyList<ServiceInstance>? _candidates;
    private int[] _weights = [];
    private long[] _scores = [];
    private long _totalWeight;

    /// <summary>Aligns the running scores with a new candidate list, keeping the scores of instances that stay.</summary>
    public void Rebind(IReadOnlyList<ServiceInstance> candidates)
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

    /// <summary>Forgets the scores (the next <see cref="Rebind"/> starts afresh).</summary>
    public void Reset()
    {
        _candidates = null;
        _weights = [];
        _scores = [];
        _totalWeight = 0;
    }

    /// <summary>The index of the next pick in the bound candidate list.</summary>
    public int Next()
    {
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
        return best;
    }
}
