namespace Megaport.Simulator.Admin;

/// <summary>Counters for <c>GET /_simulator/stats</c>. buyCalls counts buys received (v4 and the v3 buy of designs); buysExecuted those that created services.</summary>
public sealed class Stats
{
    private long _tokenRequests, _validateCalls, _buyCalls, _buysExecuted, _requests;

    public long TokenRequests => Interlocked.Read(ref _tokenRequests);
    public long ValidateCalls => Interlocked.Read(ref _validateCalls);
    public long BuyCalls => Interlocked.Read(ref _buyCalls);
    public long BuysExecuted => Interlocked.Read(ref _buysExecuted);
    public long Requests => Interlocked.Read(ref _requests);

    public void CountRequest(string method, string path)
    {
        Interlocked.Increment(ref _requests);
        if (!HttpMethods.IsPost(method)) return;
        if (path.Equals("/oauth2/token", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _tokenRequests);
        else if (path.Equals("/v3/networkdesign/validate", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _validateCalls);
        else if (path.Equals("/v4/networkdesign/buy", StringComparison.OrdinalIgnoreCase)
                 || path.Equals("/v3/networkdesign/buy", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _buyCalls);
    }

    public void CountBuyExecuted() => Interlocked.Increment(ref _buysExecuted);

    public void Reset()
    {
        Interlocked.Exchange(ref _tokenRequests, 0);
        Interlocked.Exchange(ref _validateCalls, 0);
        Interlocked.Exchange(ref _buyCalls, 0);
        Interlocked.Exchange(ref _buysExecuted, 0);
        Interlocked.Exchange(ref _requests, 0);
    }
}
