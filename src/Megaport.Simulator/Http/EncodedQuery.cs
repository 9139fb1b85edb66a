using Microsoft.AspNetCore.Http.Features;

namespace Megaport.Simulator.Http;

/// <summary>
/// Some clients percent-encode the '?' that starts the query (a service-key look-up as
/// <c>GET /v2/service/key%3Fkey=…</c>), and the real API answers them as if the query had been sent plainly.
/// </summary>
public static class EncodedQuery
{
    public static void Apply(HttpContext ctx)
    {
        var raw = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || !raw.StartsWith('/')) return;
        var q = raw.IndexOf('?');
        var rawPath = q < 0 ? raw : raw[..q];
        var at = rawPath.IndexOf("%3F", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return;
        var extra = rawPath[(at + 3)..];
        var rest = q < 0 ? "" : raw[(q + 1)..];
        var query = string.Join('&', new[] { extra, rest }.Where(s => s.Length > 0));
        ctx.Request.Path = PathString.FromUriComponent(rawPath[..at]);
        ctx.Request.QueryString = query.Length == 0 ? QueryString.Empty : new QueryString("?" + query);
    }
}
