using System.Text.Json.Nodes;

namespace Megaport.Simulator.Admin;

/// <summary>One API request as received; <paramref name="IgnoredFields"/> are the body names the API would have skipped.</summary>
public sealed record RequestRecord(DateTimeOffset Time, string Method, string Path, string Query, int Status, string Body, string TraceId,
    bool HasBearer, IReadOnlyList<string> IgnoredFields, string? CallContext);

public sealed record OrderRecord(DateTimeOffset Time, string Kind, int Status, JsonNode? Body, IReadOnlyList<string> CreatedUids);

/// <summary>A bounded, thread-safe journal (oldest entries fall off), used for requests and orders.</summary>
public sealed class Journal<T>(int capacity)
{
    private readonly Queue<T> _items = new();

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Enqueue(item);
            while (_items.Count > capacity) _items.Dequeue();
        }
    }

    public List<T> Snapshot()
    {
        lock (_items) return _items.ToList();
    }

    public void Clear()
    {
        lock (_items) _items.Clear();
    }
}
