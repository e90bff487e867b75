using System.Buffers.Binary;

namespace SafetyReports.Triage.Transparency;

/// <summary>
/// Adds up a group's stored month cells by merging them (each is sorted by key) instead of hashing every
/// counter: a year of a big host is a dozen cells of up to a few thousand counters, and an answer about
/// every host adds up a million counters. The time-dependent counters go through <see cref="CellsAtMoment"/>.
/// </summary>
public static class CellMerge
{
    public static void AddTo(CounterTally tally, IReadOnlyList<(int Month, byte[] Cell)> cells, DateTimeOffset asOf)
    {
        var merged = Array.Empty<(int Key, long Count)>();
        foreach (var (month, cell) in cells)
        {
            var pairs = Read(cell);
            var (start, end) = CellsAtMoment.TimeDependentRange(pairs);
            for (var i = start; i < end; i++)
            {
                CellsAtMoment.Add(tally, month, pairs[i].Key, pairs[i].Count, asOf);
            }

            merged = Merge(merged, pairs, start, end);
        }

        tally.AddSorted(merged);
    }

    private static (int Key, long Count)[] Read(byte[] cell)
    {
        var pairs = new (int Key, long Count)[cell.Length / 8];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (BinaryPrimitives.ReadInt32LittleEndian(cell.AsSpan(i * 8)), BinaryPrimitives.ReadInt32LittleEndian(cell.AsSpan(i * 8 + 4)));
        }

        return pairs;
    }

    /// <summary>Merges two key-sorted runs, summing equal keys and leaving out <paramref name="right"/>'s [skipStart, skipEnd).</summary>
    private static (int Key, long Count)[] Merge((int Key, long Count)[] left, (int Key, long Count)[] right, int skipStart, int skipEnd)
    {
        var result = new (int Key, long Count)[left.Length + right.Length - (skipEnd - skipStart)];
        int l = 0, r = 0, n = 0;
        while (l < left.Length || r < right.Length)
        {
            if (r == skipStart && skipEnd > skipStart)
            {
                r = skipEnd;
                continue;
            }

            if (r >= right.Length || (l < left.Length && left[l].Key < right[r].Key))
            {
                result[n++] = left[l++];
            }
            else if (l >= left.Length || right[r].Key < left[l].Key)
            {
                result[n++] = right[r++];
            }
            else
            {
                result[n++] = (left[l].Key, left[l++].Count + right[r++].Count);
            }
        }

        return n == result.Length ? result : result[..n];
    }
}
