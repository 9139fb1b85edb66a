using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Megaport.Simulator.Faults;

/// <summary>
/// Parses fault definitions in their two forms.
/// Compact (command line): <c>METHOD PATH [kind] [key=value]...</c>, e.g.
/// <c>POST /v4/networkdesign/buy status=500 count=1</c>, <c>GET /v2/product/* delayMs=2000</c>,
/// <c>POST /v4/networkdesign/buy dropAfterExecute count=1</c>. Values may be quoted with ' or ".
/// JSON (admin endpoint): <c>{"method","path","kind","status","body","retryAfter","count","delayMs","after"}</c>;
/// <c>after=N</c> lets the first N matching calls through.
/// When no kind is named it is inferred: status=… → status, otherwise delayMs=… → delay.
/// </summary>
public static class FaultSpec
{
    private static readonly Dictionary<string, FaultKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = FaultKind.Status,
        ["delay"] = FaultKind.Delay,
        ["reset"] = FaultKind.Reset,
        ["malformed"] = FaultKind.Malformed,
        ["dropAfterExecute"] = FaultKind.DropAfterExecute,
        ["expireTokens"] = FaultKind.ExpireTokens,
    };

    public static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.Status => "status",
        FaultKind.Delay => "delay",
        FaultKind.Reset => "reset",
        FaultKind.Malformed => "malformed",
        FaultKind.DropAfterExecute => "dropAfterExecute",
        FaultKind.ExpireTokens => "expireTokens",
        _ => kind.ToString(),
    };

    public static FaultRule ParseCompact(string spec)
    {
        var tokens = Tokenize(spec);
        if (tokens.Count < 2) throw new ArgumentException($"--fault \"{spec}\": expected \"METHOD PATH key=value ...\"");
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in tokens.Skip(2))
        {
            var eq = t.IndexOf('=');
            if (eq < 0)
            {
                if (!Kinds.ContainsKey(t)) throw new ArgumentException($"--fault: unknown word '{t}'");
                fields["kind"] = t;
            }
            else fields[t[..eq]] = t[(eq + 1)..];
        }
        return Build(tokens[0], tokens[1], fields, "--fault");
    }

    public static FaultRule ParseJson(JsonObject o)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in o)
            fields[k] = v is null ? null : v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : v.ToJsonString();
        var method = fields.GetValueOrDefault("method") ?? "*";
        var path = fields.GetValueOrDefault("path") ?? throw new ArgumentException("'path' is required");
        fields.Remove("method");
        fields.Remove("path");
        return Build(method, path, fields, "fault");
    }

    private static FaultRule Build(string method, string path, Dictionary<string, string?> f, string what)
    {
        if (!path.StartsWith('/')) throw new ArgumentException($"{what}: path must start with '/' (got '{path}')");
        int? Int(string key, int min, int max)
        {
            if (!f.TryGetValue(key, out var s) || string.IsNullOrEmpty(s)) return null;
            if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                throw new ArgumentException($"{what}: {key} must be an integer {min}-{max} (got '{s}')");
            return n;
        }
        var status = Int("status", 100, 599);
        var delay = Int("delayMs", 0, 600_000) ?? 0;
        var count = Int("count", 0, 1_000_000);
        var after = Int("after", 0, 1_000_000) ?? 0;
        FaultKind kind;
        if (f.TryGetValue("kind", out var k) && !string.IsNullOrEmpty(k))
        {
            if (!Kinds.TryGetValue(k, out kind)) throw new ArgumentException($"{what}: unknown kind '{k}' (status, delay, reset, malformed, dropAfterExecute, expireTokens)");
        }
        else if (status is not null) kind = FaultKind.Status;
        else if (delay > 0) kind = FaultKind.Delay;
        else throw new ArgumentException($"{what}: say what to do (status=N, delayMs=N, reset, malformed, dropAfterExecute or expireTokens)");
        if (kind == FaultKind.Status && status is null) throw new ArgumentException($"{what}: kind status needs status=N");
        foreach (var key in f.Keys)
            if (key is not ("kind" or "status" or "delayMs" or "count" or "body" or "retryAfter" or "after"))
                throw new ArgumentException($"{what}: unknown field '{key}'");
        return new FaultRule
        {
            Method = method == "*" ? "*" : method.ToUpperInvariant(),
            Path = path,
            Kind = kind,
            Status = status,
            Body = f.GetValueOrDefault("body"),
            RetryAfter = f.GetValueOrDefault("retryAfter"),
            Count = count is 0 ? null : count,
            Remaining = count is 0 ? null : count,
            DelayMs = delay,
            After = after,
        };
    }

    /// <summary>Splits on spaces; a value may be quoted ('...' or "...") to hold spaces.</summary>
    private static List<string> Tokenize(string s)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        char quote = '\0';
        var inToken = false;
        foreach (var c in s)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0'; else sb.Append(c);
            }
            else if (c is '\'' or '"') { quote = c; inToken = true; }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken) { list.Add(sb.ToString()); sb.Clear(); inToken = false; }
            }
            else { sb.Append(c); inToken = true; }
        }
        if (quote != '\0') throw new ArgumentException($"unterminated quote in fault spec: {s}");
        if (inToken) list.Add(sb.ToString());
        return list;
    }
}
