namespace Megaport.Simulator.Faults;

public enum FaultKind { Status, Delay, Reset, Malformed, DropAfterExecute, ExpireTokens }

/// <summary>
/// One injected fault: which requests it matches (method + path pattern) and what it does to them.
/// <see cref="Count"/> null means "every matching call until the faults are cleared".
/// </summary>
public sealed class FaultRule
{
    public int Id { get; set; }
    public string Method { get; init; } = "*";
    public string Path { get; init; } = "/**";
    public FaultKind Kind { get; init; }
    public int? Status { get; init; }
    public string? Body { get; init; }
    public string? RetryAfter { get; init; }
    public int? Count { get; init; }
    public int DelayMs { get; init; }
    /// <summary>Matching calls to let through untouched before the fault applies (a fault on the third buy: after=2).</summary>
    public int After { get; init; }
    /// <summary>Matching calls let through so far. Guarded by the owning store.</summary>
    public int Passed { get; set; }

    /// <summary>Matching calls still to be affected (null = unlimited). Guarded by the owning store.</summary>
    public int? Remaining { get; set; }
    public int Hits { get; set; }

    public string KindName => FaultSpec.KindName(Kind);

    public bool Matches(string method, string path) =>
        (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && PathMatches(Path, path);

    /// <summary>'*' matches exactly one path segment, '**' any number of segments (including none).</summary>
    public static bool PathMatches(string pattern, string path)
    {
        var p = pattern.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var s = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Match(p, 0, s, 0);

        static bool Match(string[] p, int i, string[] s, int j)
        {
            if (i == p.Length) return j == s.Length;
            if (p[i] == "**")
            {
                for (var k = j; k <= s.Length; k++)
                    if (Match(p, i + 1, s, k)) return true;
                return false;
            }
            if (j == s.Length) return false;
            if (p[i] != "*" && !string.Equals(p[i], s[j], StringComparison.OrdinalIgnoreCase)) return false;
            return Match(p, i + 1, s, j + 1);
        }
    }
}
