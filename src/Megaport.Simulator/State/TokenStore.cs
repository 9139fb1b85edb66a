using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Megaport.Simulator.State;

/// <summary>Opaque bearer tokens (random, 64 URL-safe characters) with their expiry time.</summary>
public sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, long> _expiry = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Bumped on every issue or expiry, so the state file knows when to write tokens.</summary>
    public long Version => Interlocked.Read(ref _version);

    public IEnumerable<(string Token, long Expires)> Snapshot() => _expiry.Select(p => (p.Key, p.Value)).ToList();

    /// <summary>Tokens issued before a restart (state file) keep working until they expire.</summary>
    public void Load(IEnumerable<(string Token, long Expires)> tokens)
    {
        foreach (var (token, expires) in tokens) _expiry[token] = expires;
    }

    public string Issue(long nowMs, int lifetimeSeconds)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _expiry[token] = nowMs + lifetimeSeconds * 1000L;
        Interlocked.Increment(ref _version);
        return token;
    }

    public bool IsValid(string token, long nowMs) => _expiry.TryGetValue(token, out var exp) && nowMs < exp;

    /// <summary>Every token issued so far stops working (tokens issued later are fine).</summary>
    public void ExpireAll()
    {
        foreach (var key in _expiry.Keys) _expiry[key] = 0;
        Interlocked.Increment(ref _version);
    }
}
