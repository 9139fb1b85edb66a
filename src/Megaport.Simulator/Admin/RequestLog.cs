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

/// <summary>
/// The API requests being handled now. A request is journaled after its answer has gone out, so a client that reads
/// the journal the moment it has its answer could miss it; the journal's readers first wait (briefly) for every
/// request that began before them to be recorded.
/// </summary>
public sealed class InFlight
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _active = new();
    private long _next;

    public long Enter()
    {
        var ticket = Interlocked.Increment(ref _next);
        _active[ticket] = 0;
        return ticket;
    }

    public void Exit(long ticket) => _active.TryRemove(ticket, out _);

    /// <summary>Waits until the requests that began before now are recorded, or <paramref name="limit"/> passes (a request held by a fault).</summary>
    public async Task SettleAsync(TimeSpan limit)
    {
        var before = Interlocked.Read(ref _next);
        var deadline = DateTime.UtcNow + limit;
        while (_active.Keys.Any(t => t <= before) && DateTime.UtcNow < deadline) await Task.Delay(2);
    }
}
