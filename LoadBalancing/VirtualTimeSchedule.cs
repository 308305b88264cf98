using System.Buffers;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// The large-set schedule of <see cref="SmoothWeightedRoundRobin"/> (the algorithm and the proof of
/// its window property are at the top of that file): the instances grouped by weight, each group
/// due at its virtual times, the groups merged in time order by a binary heap.
/// </summary>
internal sealed class VirtualTimeSchedule
{
    /// <summary>Candidate indices grouped by weight, heaviest group first, by index within a group.</summary>
    private int[] _order = [];

    /// <summary>One per distinct weight; each knows its next event.</summary>
    private Group[] _groups = [];

    /// <summary>Group numbers, a min-heap on their next event: the root's event is the next pick.</summary>
    private int[] _heap = [];

    private bool _bound;

    /// <summary>
    /// Builds the schedule of a new candidate list. When one was bound before, it goes on from the
    /// same point of virtual time, so a new snapshot does not restart the period and starve the
    /// instances due late in it; for the same instances the sequence goes on exactly as if nothing
    /// had changed.
    /// </summary>
    public void Rebind(IReadOnlyList<ServiceInstance> candidates)
    {
        var hasCursor = _bound;
        var cursor = hasCursor ? _groups[_heap[0]] : default;

        BuildGroups(candidates);

        for (var g = 0; g < _groups.Length; g++)
        {
            if (hasCursor)
            {
                PlaceAtOrAfter(ref _groups[g], cursor);
            }

            _heap[g] = g;
        }

        for (var i = (_heap.Length / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }

        _bound = true;
    }

    /// <summary>Forgets the schedule and its place in virtual time.</summary>
    public void Reset()
    {
        _order = [];
        _groups = [];
        _heap = [];
        _bound = false;
    }

    /// <summary>The index of the next pick in the bound candidate list: the root's event, then one sift of the heap.</summary>
    public int Next()
    {
        ref var group = ref _groups[_heap[0]];
        var index = _order[group.Start + group.Member];
        if (++group.Member == group.Count)
        {
            group.Member = 0;
        }

        // Rate is a multiple of Count, so Member is back at 0 whenever a period ends.
        if (++group.Step == group.Rate)
        {
            group.Step = 0;
            group.Period++;
        }

        SiftDown(0);
        return index;
    }

    /// <summary>Counting sort of the candidates by weight (heaviest first, stable), one group per distinct weight, each at its first event.</summary>
    private void BuildGroups(IReadOnlyList<ServiceInstance> candidates)
    {
        var count = candidates.Count;
        var weights = ArrayPool<int>.Shared.Rent(count);
        try
        {
            Span<int> perWeight = stackalloc int[RegistryLimits.MaxWeight + 1];
            var distinct = 0;
            for (var i = 0; i < count; i++)
            {
                // Registration rejects weights outside 1..1000; the clamp keeps the products of Before exact in a long.
                var weight = Math.Clamp(candidates[i].Weight, RegistryLimits.MinWeight, RegistryLimits.MaxWeight);
                weights[i] = weight;
                if (perWeight[weight]++ == 0)
                {
                    distinct++;
                }
            }

            if (_order.Length != count)
            {
                _order = new int[count];
            }

            if (_groups.Length != distinct)
            {
                _groups = new Group[distinct];
                _heap = new int[distinct];
            }

            var start = 0;
            var g = 0;
            for (var weight = RegistryLimits.MaxWeight; weight >= RegistryLimits.MinWeight; weight--)
            {
                var members = perWeight[weight];
                if (members > 0)
                {
                    _groups[g++] = new Group { Weight = weight, Start = start, Count = members, Rate = (long)members * weight };
                    perWeight[weight] = start;
                    start += members;
                }
            }

            for (var i = 0; i < count; i++)
            {
                _order[perWeight[weights[i]]++] = i;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(weights);
        }
    }

    /// <summary>Moves a group to its first event not before the cursor's event E in the order (time, heavier first).</summary>
    private static void PlaceAtOrAfter(ref Group group, in Group cursor)
    {
        // Event m of a group of rate R in E's period is at (2m+1)/(2R); E is at (2e+1)/(2S). It is not
        // before E when (2m+1)·S > (2e+1)·R, or on equality when its group is not heavier than E's
        // (the same weight is E's own group: E itself is next).
        var a = ((2 * cursor.Step) + 1) * group.Rate;
        var b = cursor.Rate;
        var step = group.Weight <= cursor.Weight
            ? (a <= b ? 0 : (a - b + (2 * b) - 1) / (2 * b))
            : (a < b ? 0 : ((a - b) / (2 * b)) + 1);
        if (step >= group.Rate)
        {
            group.Period = cursor.Period + 1;
            group.Step = 0;
        }
        else
        {
            group.Period = cursor.Period;
            group.Step = step;
        }

        group.Member = (int)(group.Step % group.Count);
    }

    private void SiftDown(int position)
    {
        var heap = _heap;
        var moving = heap[position];
        while (true)
        {
            var child = (2 * position) + 1;
            if (child >= heap.Length)
            {
                break;
            }

            if (child + 1 < heap.Length && Before(heap[child + 1], heap[child]))
            {
                child++;
            }

            if (!Before(heap[child], moving))
            {
                break;
            }

            heap[position] = heap[child];
            position = child;
        }

        heap[position] = moving;
    }

    /// <summary>Whether group x's next event comes before group y's: by period, then time (2m+1)/(2R), then heavier first.</summary>
    private bool Before(int x, int y)
    {
        ref readonly var a = ref _groups[x];
        ref readonly var b = ref _groups[y];
        if (a.Period != b.Period)
        {
            return a.Period < b.Period;
        }

        // Both sides stay below 2·R·R' ≤ 2·(n·1000)², exact in a long for any service of up to 10^6 instances.
        var left = ((2 * a.Step) + 1) * b.Rate;
        var right = ((2 * b.Step) + 1) * a.Rate;
        return left != right ? left < right : a.Weight > b.Weight;
    }

    /// <summary>
    /// The instances of one weight, <c>_order[Start..Start+Count)</c>: Rate = Count·Weight events a
    /// period, the next one (Step) at virtual time Period + (2·Step+1)/(2·Rate), handing out member
    /// Step mod Count (kept in Member).
    /// </summary>
    private struct Group
    {
        public int Weight;
        public int Start;
        public int Count;
        public long Rate;
        public long Period;
        public long Step;
        public int Member;
    }
}
