using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SafetyReports.Triage.Transparency;

/// <summary>
/// Counters by <see cref="CounterKey"/> (encoded): a month's cell as stored, or the sum of many cells.
/// The stored form is the non-zero counters as (key, count) pairs of little-endian 32-bit integers.
/// </summary>
public sealed class CounterTally
{
    private readonly Dictionary<int, long> _counts = [];

    public IReadOnlyDictionary<int, long> Counts => _counts;

    public long this[CounterKey key] => _counts.GetValueOrDefault(key.Encode());

    public void Add(IEnumerable<int> keys, long delta)
    {
        foreach (var key in keys)
        {
            Add(key, delta);
        }
    }

    public void Add(int key, long delta)
    {
        _byKind = null;

        // One hash look-up per counter: figures add up a million of them per answer.
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out _);
        count += delta;
        if (count == 0)
        {
            _counts.Remove(key);
        }
    }

    /// <summary>Adds counters already summed per key (each key once).</summary>
    public void AddSorted(IReadOnlyList<(int Key, long Count)> counters)
    {
        _counts.EnsureCapacity(_counts.Count + counters.Count);
        foreach (var (key, count) in counters)
        {
            Add(key, count);
        }
    }

    public void Add(CounterTally other)
    {
        foreach (var (key, count) in other._counts)
        {
            Add(key, count);
        }
    }


    public static CounterTally Decode(ReadOnlySpan<byte> cell)
    {
        var tally = new CounterTally();
        for (var i = 0; i + 8 <= cell.Length; i += 8)
        {
            tally.Add(BinaryPrimitives.ReadInt32LittleEndian(cell[i..]), BinaryPrimitives.ReadInt32LittleEndian(cell[(i + 4)..]));
        }

        return tally;
    }

    public byte[] Encode()
    {
        var bytes = new byte[_counts.Count * 8];
        var i = 0;
        foreach (var (key, count) in _counts.OrderBy(c => c.Key))
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i), key);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i + 4), checked((int)count));
            i += 8;
        }

        return bytes;
    }

    /// <summary>The counters of one kind, by index, in index order.</summary>
    public IReadOnlyList<(int Index, long Count)> OfKind(CounterKind kind) =>
        ByKind().TryGetValue(kind, out var counters) ? counters : [];

    private Dictionary<CounterKind, List<(int Index, long Count)>>? _byKind;

    /// <summary>Every kind's counters in index order, built in one pass and kept until the tally changes.</summary>
    private Dictionary<CounterKind, List<(int Index, long Count)>> ByKind()
    {
        if (_byKind is null)
        {
            _byKind = [];
            foreach (var (encoded, count) in _counts)
            {
                var key = CounterKey.Decode(encoded);
                if (!_byKind.TryGetValue(key.Kind, out var list))
                {
                    list = [];
                    _byKind[key.Kind] = list;
                }

                list.Add((key.Index, count));
            }

            foreach (var list in _byKind.Values)
            {
                list.Sort((a, b) => a.Index.CompareTo(b.Index));
            }
        }

        return _byKind;
    }
}
