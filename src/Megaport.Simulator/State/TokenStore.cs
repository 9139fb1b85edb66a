using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Megaport.Simulator.State;

/// <summary>Opaque bearer tokens (random, 64 URL-safe characters) with their expiry time.</summary>
public sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, long> _expiry = new(StringComparer.Ordinal);

    public string Issue(long nowMs, int lifetimeSeconds)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _expiry[token] = nowMs + lifetimeSeconds * 1000L;
        return token;
    }

    public bool IsValid(string token, long nowMs) => _expiry.TryGetValue(token, out var exp) && nowMs < exp;

    /// <summary>Every token issued so far stops working (tokens issued later are fine).</summary>
    public void ExpireAll()
    {
        foreach (var key in _expiry.Keys) _expiry[key] = 0;
    }
}
