using System.Runtime.CompilerServices;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Products.LookingGlass;

/// <summary>Run-time settings of the looking glass (<c>PUT /_simulator/lookingGlass</c>); a reset brings back these defaults.</summary>
public sealed class LookingGlassConfig
{
    /// <summary>How long an asynchronous route job takes (PENDING for the first half, then PROCESSING).</summary>
    public int JobDelayMs { get; set; } = 500;
    /// <summary>How long a ping or traceroute takes before its result can be read.</summary>
    public int OperationDelayMs { get; set; } = 1000;
    /// <summary>Pings and traceroutes one MCR may start per minute; beyond it 429 with Retry-After. 0 = no limit.</summary>
    public int DiagnosticsPerMinute { get; set; } = 10;
    /// <summary>What new jobs end as: COMPLETE, or FAILED (to see a client handle it).</summary>
    public string JobOutcome { get; set; } = "COMPLETE";
    /// <summary>Prefixes each UP BGP session teaches; 0 = two to four, derived from the peer's ASN (a big table for benchmarks).</summary>
    public int RoutesPerSession { get; set; }
}

/// <summary>An asynchronous looking-glass job; its rows are taken when it is created and shown once it is complete.</summary>
public sealed record LgJob(string Id, string McrUid, string Kind, long CreatedMs, long ReadyMs, bool Fails, byte[] Rows)
{
    public long ExpiresMs => ReadyMs + LookingGlassStore.KeepMs;

    public string Status(long now) => now >= ReadyMs ? (Fails ? "FAILED" : "COMPLETE") : now >= (CreatedMs + ReadyMs) / 2 ? "PROCESSING" : "PENDING";
}

/// <summary>A ping or traceroute: its result (JSON) is there from <see cref="ReadyMs"/>.</summary>
public sealed record LgOperation(string Id, string McrUid, long ReadyMs, byte[] Result);

/// <summary>
/// The jobs, operations, rate-limit windows and settings of one simulator. They belong to one seed generation:
/// after <c>POST /_simulator/reset</c> (which loads a new service table) the first use starts them afresh.
/// Every member is used under the state lock.
/// </summary>
public sealed class LookingGlassStore
{
    /// <summary>Results are kept this long after they are ready; then the job or operation is unknown (404).</summary>
    public const long KeepMs = 10 * 60 * 1000;
    private const long WindowMs = 60 * 1000;
    private static readonly ConditionalWeakTable<SimulatorContext, LookingGlassStore> Stores = new();

    private readonly Dictionary<string, LgJob> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LgOperation> _operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<long>> _starts = new(StringComparer.OrdinalIgnoreCase);
    private object? _generation;

    public static LookingGlassStore Of(SimulatorContext sim) => Stores.GetValue(sim, _ => new LookingGlassStore());

    public LookingGlassConfig Config { get; private set; } = new();

    /// <summary>Starts afresh when the state was reset since the last use.</summary>
    public LookingGlassStore Sync(SimulatorState state)
    {
        if (ReferenceEquals(_generation, state.AllServices)) return this;
        _generation = state.AllServices;
        _jobs.Clear();
        _operations.Clear();
        _starts.Clear();
        Config = new LookingGlassConfig();
        return this;
    }

    public LgJob AddJob(string mcrUid, string kind, byte[] rows, long now)
    {
        Purge(now);
        var job = new LgJob(Guid.NewGuid().ToString(), mcrUid, kind, now, now + Config.JobDelayMs,
            string.Equals(Config.JobOutcome, "FAILED", StringComparison.OrdinalIgnoreCase), rows);
        _jobs[job.Id] = job;
        return job;
    }

    /// <summary>The job, if it exists, is of this kind, belongs to this MCR and has not expired.</summary>
    public LgJob? FindJob(string mcrUid, string kind, string id, long now)
    {
        Purge(now);
        return _jobs.TryGetValue(id, out var job) && job.Kind == kind && string.Equals(job.McrUid, mcrUid, StringComparison.OrdinalIgnoreCase) ? job : null;
    }

    public LgOperation AddOperation(string mcrUid, byte[] result, long now)
    {
        Purge(now);
        var op = new LgOperation(Guid.NewGuid().ToString(), mcrUid, now + Config.OperationDelayMs, result);
        _operations[op.Id] = op;
        return op;
    }

    public LgOperation? FindOperation(string mcrUid, string id, long now)
    {
        Purge(now);
        return _operations.TryGetValue(id, out var op) && string.Equals(op.McrUid, mcrUid, StringComparison.OrdinalIgnoreCase) ? op : null;
    }

    /// <summary>Counts a diagnostics start for the MCR; when the minute's allowance is used up, returns the seconds until the next is allowed.</summary>
    public int? TakeDiagnosticsSlot(string mcrUid, long now)
    {
        var limit = Config.DiagnosticsPerMinute;
        if (limit <= 0) return null;
        if (!_starts.TryGetValue(mcrUid, out var window)) _starts[mcrUid] = window = new Queue<long>();
        while (window.Count > 0 && window.Peek() <= now - WindowMs) window.Dequeue();
        if (window.Count >= limit) return (int)Math.Max(1, Math.Ceiling((window.Peek() + WindowMs - now) / 1000.0));
        window.Enqueue(now);
        return null;
    }

    private void Purge(long now)
    {
        foreach (var id in _jobs.Where(j => j.Value.ExpiresMs <= now).Select(j => j.Key).ToList()) _jobs.Remove(id);
        foreach (var id in _operations.Where(o => o.Value.ReadyMs + KeepMs <= now).Select(o => o.Key).ToList()) _operations.Remove(id);
    }
}
