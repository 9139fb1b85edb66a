using System.Globalization;
using Megaport.Simulator.Products;
using Microsoft.Data.Sqlite;

namespace Megaport.Simulator.State;

/// <summary>The state file cannot be used (in use, not a state file, made for another seed); the message says why.</summary>
public sealed class StateFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// <c>--state-file</c>: what the API can change — services (status, approvals, tags, configs), service keys, the next
/// product id and issued tokens — in one SQLite file, so it survives restarts. A request's changes are written in one
/// transaction, only the rows that changed, before its answer goes out: a kill at any moment loses nothing that was
/// answered and never leaves an order half-written. Journals, faults, counters and run-time config stay in memory.
/// One simulator at a time holds the file (an exclusive lock, released by the OS if the process dies).
/// </summary>
public sealed class StateFile : IDisposable
{
    private const string Format = "1";
    private readonly SqliteConnection _db;
    private readonly Dictionary<string, (int Seq, string Json)> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private int _nextProductId = -1;
    private string? _managedCompanies;
    private long _savedVersion = -1;
    private long _savedTokens = -1;

    /// <summary>What the file held when opened; null for a new (or just created) file.</summary>
    public sealed record Saved(List<Service> Services, List<ServiceKey> Keys, int NextProductId, List<(string Token, long Expires)> Tokens,
        List<ManagedCompany>? ManagedCompanies);

    public string FilePath { get; }
    public Saved? Loaded { get; }

    private StateFile(string path, SqliteConnection db, Saved? loaded)
    {
        FilePath = path;
        _db = db;
        Loaded = loaded;
    }

    /// <summary>Opens (or creates) the file; <paramref name="seed"/> names the seed it belongs to ("demo" or the --scale value).</summary>
    public static StateFile Open(string path, string seed)
    {
        var full = Path.GetFullPath(path);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 1,
        }.ToString());
        try
        {
            db.Open();
            // Exclusive locking first, so WAL needs no shared memory; NORMAL sync survives a killed process.
            Exec(db, "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Exec(db, "BEGIN EXCLUSIVE; COMMIT;");
            Exec(db, """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS services (uid TEXT PRIMARY KEY, seq INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS service_keys (key TEXT PRIMARY KEY, body TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, expires INTEGER NOT NULL);
                """);
            var meta = ReadMeta(db);
            if (!meta.TryGetValue("format", out var format))
            {
                WriteMeta(db, null, ("format", Format), ("seed", seed), ("createdAt", Now()), ("origin", "seed"));
                return new StateFile(full, db, null);
            }
            if (format != Format) throw new StateFileException($"{full} is a state file of format {format}; this simulator reads format {Format}");
            if (meta.GetValueOrDefault("seed") != seed)
                throw new StateFileException($"{full} holds the state of seed '{meta.GetValueOrDefault("seed")}', not '{seed}': start with the same --scale or use another file");
            var file = new StateFile(full, db, Load(db, meta));
            file.Remember(db);
            return file;
        }
        catch (SqliteException ex)
        {
            db.Dispose();
            throw new StateFileException(ex.SqliteErrorCode == 5 // SQLITE_BUSY
                ? $"{full} is in use by another simulator"
                : $"{full} cannot be used as a state file: {ex.Message}", ex);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Writes what changed since the last save (everything is compared when <paramref name="force"/>, else only after a state change).</summary>
    public void Save(SimulatorState state, TokenStore tokens, bool force)
    {
        lock (state.Gate)
        {
            if (!force && state.Version == _savedVersion && tokens.Version == _savedTokens) return;
            var services = state.InOrder.Select((s, i) => (s.Uid, Seq: i, Json: StateJson.Write(s))).ToList();
            var keys = state.ServiceKeys.Values.Select(k => (k.Key, Json: StateJson.Write(k))).ToList();
            var tokenVersion = tokens.Version;
            using var tx = _db.BeginTransaction();
            var changed = false;
            foreach (var (uid, seq, json) in services)
                if (!_services.TryGetValue(uid, out var saved) || saved != (seq, json))
                    changed |= Run(tx, "INSERT OR REPLACE INTO services (uid, seq, body) VALUES ($a, $b, $c)", uid, seq, json);
            foreach (var uid in _services.Keys.Except(services.Select(s => s.Uid)).ToList())
                changed |= Run(tx, "DELETE FROM services WHERE uid = $a", uid);
            foreach (var (key, json) in keys)
                if (_keys.GetValueOrDefault(key) != json) changed |= Run(tx, "INSERT OR REPLACE INTO service_keys (key, body) VALUES ($a, $b)", key, json);
            foreach (var key in _keys.Keys.Except(keys.Select(k => k.Key)).ToList())
                changed |= Run(tx, "DELETE FROM service_keys WHERE key = $a", key);
            if (state.NextProductId != _nextProductId) changed |= WriteMeta(_db, tx, ("nextProductId", state.NextProductId.ToString(CultureInfo.InvariantCulture)));
            var managed = StateJson.Write(state.ManagedCompanies.Values.ToList());
            if (managed != _managedCompanies) changed |= WriteMeta(_db, tx, ("managedCompanies", managed));
            if (tokenVersion != _savedTokens)
            {
                // Only tokens that still work are worth keeping.
                Run(tx, "DELETE FROM tokens");
                foreach (var (token, expires) in tokens.Snapshot().Where(t => t.Expires > state.Now))
                    Run(tx, "INSERT INTO tokens (token, expires) VALUES ($a, $b)", token, expires);
                changed = true;
            }
            if (changed) WriteMeta(_db, tx, ("savedAt", Now()));
            tx.Commit();
            _services.Clear();
            foreach (var (uid, seq, json) in services) _services[uid] = (seq, json);
            _keys.Clear();
            foreach (var (key, json) in keys) _keys[key] = json;
            _nextProductId = state.NextProductId;
            _managedCompanies = managed;
            _savedVersion = state.Version;
            _savedTokens = tokenVersion;
        }
    }

    /// <summary>The state went back to the seed: the file says when, and gets the seed's rows.</summary>
    public void MarkReset(SimulatorState state, TokenStore tokens)
    {
        lock (state.Gate)
        {
            WriteMeta(_db, null, ("origin", "seed (reset)"), ("resetAt", Now()));
            Save(state, tokens, force: true);
        }
    }

    public void Dispose() => _db.Dispose();

    private static Saved Load(SqliteConnection db, Dictionary<string, string> meta)
    {
        var services = new List<Service>();
        foreach (var body in Strings(db, "SELECT body FROM services ORDER BY seq")) services.Add(StateJson.Read(body));
        var keys = Strings(db, "SELECT body FROM service_keys").Select(StateJson.ReadKey).ToList();
        var tokens = new List<(string, long)>();
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT token, expires FROM tokens";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tokens.Add((r.GetString(0), r.GetInt64(1)));
        }
        var next = int.Parse(meta.GetValueOrDefault("nextProductId") ?? "0", CultureInfo.InvariantCulture);
        // A file from before managed companies were kept holds none: the seed's apply.
        var managed = meta.TryGetValue("managedCompanies", out var json) ? StateJson.ReadManagedCompanies(json) : null;
        return new Saved(services, keys, next, tokens, managed);
    }

    /// <summary>The rows as written, so the first save after opening writes nothing that did not change.</summary>
    private void Remember(SqliteConnection db)
    {
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT uid, seq, body FROM services";
            using var r = cmd.ExecuteReader();
            while (r.Read()) _services[r.GetString(0)] = (r.GetInt32(1), r.GetString(2));
        }
        foreach (var k in Loaded!.Keys) _keys[k.Key] = StateJson.Write(k);
        _nextProductId = Loaded.NextProductId;
        if (Loaded.ManagedCompanies is not null) _managedCompanies = StateJson.Write(Loaded.ManagedCompanies);
    }

    private static IEnumerable<string> Strings(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    private static Dictionary<string, string> ReadMeta(SqliteConnection db)
    {
        var meta = new Dictionary<string, string>();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT key, value FROM meta";
        using var r = cmd.ExecuteReader();
        while (r.Read()) meta[r.GetString(0)] = r.GetString(1);
        return meta;
    }

    private static bool WriteMeta(SqliteConnection db, SqliteTransaction? tx, params (string Key, string Value)[] rows)
    {
        foreach (var (k, v) in rows)
        {
            using var cmd = db.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($a, $b)";
            cmd.Parameters.AddWithValue("$a", k);
            cmd.Parameters.AddWithValue("$b", v);
            cmd.ExecuteNonQuery();
        }
        return rows.Length > 0;
    }

    private static bool Run(SqliteTransaction tx, string sql, params object[] args)
    {
        using var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (char)('a' + i), args[i]);
        cmd.ExecuteNonQuery();
        return true;
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
