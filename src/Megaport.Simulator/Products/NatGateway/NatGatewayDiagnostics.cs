using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Products;

/// <summary>
/// The NAT gateway's route diagnostics, asynchronous as in the API: a request answers an operation id, and
/// <c>…/diagnostics/routes/operation?operationId=</c> answers <c>[]</c> until the operation is done (after the provision
/// delay), then the routes. Requests are rate-limited per gateway (429 with Retry-After). The routes are made from the
/// gateway's VXC interfaces: connected and static routes, BGP peers' prefixes, and the gateway's own NAT pool.
/// </summary>
public static class NatGatewayDiagnostics
{
    public const int RequestsPerMinute = 10;
    private const int KeptOperations = 50;

    public static void Map(WebApplication app, SimulatorContext sim)
    {
        var root = NatGatewayProduct.Root + "/{uid}/diagnostics/routes";
        app.MapGet(root + "/ip", (string uid, HttpContext ctx) => Submit(sim, uid, ctx, "ip"));
        app.MapGet(root + "/bgp", (string uid, HttpContext ctx) => Submit(sim, uid, ctx, "bgp"));
        app.MapGet(root + "/bgp/neighbor", (string uid, HttpContext ctx) => Submit(sim, uid, ctx, "neighbor"));
        app.MapGet(root + "/operation", (string uid, HttpContext ctx) =>
        {
            var id = ctx.Request.Query["operationId"].ToString();
            return NatGatewayProduct.Gateway(sim, uid, change: false, n =>
            {
                if (id.Length == 0) throw new OrderValidationException("operationId is required");
                var op = n.Operations.FirstOrDefault(o => o.Id == id) ?? throw new OrderValidationException($"operationId {id} was not found");
                if (sim.State.Now < op.ReadyAtMs) return Api.Ok("Operation in progress", w => { w.WriteStartArray(); w.WriteEndArray(); });
                return Api.Ok("Operation complete", w => WriteRoutes(sim.State, w, n, op));
            });
        });
    }

    private static IResult Submit(SimulatorContext sim, string uid, HttpContext ctx, string kind)
    {
        var query = ctx.Request.Query;
        var ip = kind == "neighbor" ? null : Text(query["ip_address"]);
        var peer = kind == "neighbor" ? Text(query["peer_ip_address"]) : null;
        var direction = kind == "neighbor" ? Text(query["direction"])?.ToUpperInvariant() : null;
        int? retryAfter = null;
        var result = NatGatewayProduct.Gateway(sim, uid, change: false, n =>
        {
            if (n.Status is not (ProvisioningStatus.Configured or ProvisioningStatus.Live))
                throw new OrderValidationException($"NAT gateway {n.Uid} is {n.Status}: diagnostics need a provisioned gateway");
            if (ip is not null && !IPAddress.TryParse(ip, out _)) throw new OrderValidationException($"ip_address '{ip}' is not an IP address");
            if (kind == "neighbor")
            {
                if (direction is not ("RECEIVED" or "ADVERTISED")) throw new OrderValidationException("direction must be RECEIVED or ADVERTISED");
                if (peer is null || !IPAddress.TryParse(peer, out _)) throw new OrderValidationException("peer_ip_address must be an IP address");
                if (Peers(sim.State, n).All(p => p.Ip != peer)) throw new OrderValidationException($"peer_ip_address {peer} is not a BGP peer of NAT gateway {n.Uid}");
            }
            var now = sim.State.Now;
            n.DiagnosticsRequests.RemoveAll(t => t <= now - 60_000);
            if (n.DiagnosticsRequests.Count >= RequestsPerMinute)
            {
                retryAfter = (int)Math.Ceiling((n.DiagnosticsRequests.Min() + 60_000 - now) / 1000.0);
                return Api.Error(429, "Too Many Requests", $"Diagnostics are limited to {RequestsPerMinute} requests a minute per NAT gateway");
            }
            n.DiagnosticsRequests.Add(now);
            var op = new NatDiagnosticsOperation
            {
                Id = Guid.NewGuid().ToString(), Kind = kind, IpAddress = ip ?? peer, Direction = direction,
                RequestedAtMs = now, ReadyAtMs = now + Math.Max(0, sim.State.Config.ProvisionDelayMs),
            };
            n.Operations.Add(op);
            if (n.Operations.Count > KeptOperations) n.Operations.RemoveAt(0);
            return Api.Ok("Diagnostics request accepted", w => w.WriteStringValue(op.Id));
        });
        return retryAfter is int seconds ? new WithHeader(result, "Retry-After", Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture)) : result;
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues v) => string.IsNullOrEmpty(v.ToString()) ? null : v.ToString();

    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers[name] = value;
            return inner.ExecuteAsync(context);
        }
    }

    private sealed record Peer(string Ip, long Asn, bool Shutdown, VxcService Vxc, int Index);

    /// <summary>The gateway's end configuration on each of its live VXCs.</summary>
    private static IEnumerable<(VxcService Vxc, JsonObject Interface)> Interfaces(SimulatorState state, NatGatewayService n)
    {
        foreach (var v in state.AttachedTo(n.Uid).OfType<VxcService>().Where(v => v.IsActive))
        {
            var config = v.A.ProductUid == n.Uid ? v.APartnerConfig : v.BPartnerConfig;
            foreach (var i in (config?["interfaces"] as JsonArray ?? []).OfType<JsonObject>()) yield return (v, i);
        }
    }

    private static IEnumerable<Peer> Peers(SimulatorState state, NatGatewayService n)
    {
        var k = 0;
        foreach (var (v, i) in Interfaces(state, n))
            foreach (var b in (i["bgpConnections"] as JsonArray ?? []).OfType<JsonObject>())
                if (Str(b, "peerIpAddress") is { } ip)
                    yield return new Peer(ip, VxcVRouterRules.Number(b["peerAsn"]) ?? 0,
                        b["shutdown"] is JsonValue s && s.TryGetValue<bool>(out var down) && down, v, k++);
    }

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The gateway's public NAT pool, stable per gateway.</summary>
    private static string Pool(NatGatewayService n) => $"203.0.113.{n.ProductId % 32 * 8}/29";

    private static void WriteRoutes(SimulatorState state, Utf8JsonWriter w, NatGatewayService n, NatDiagnosticsOperation op)
    {
        w.WriteStartArray();
        var filter = op.Kind == "neighbor" ? null : op.IpAddress;
        if (op.Kind == "ip")
        {
            IpRoute(w, filter, "0.0.0.0/0", "STATIC", 1, 0, "100.64.0.1", null);
            foreach (var (v, i) in Interfaces(state, n))
            {
                foreach (var a in (i["ipAddresses"] as JsonArray ?? []).Select(x => x?.GetValue<string>()).OfType<string>())
                    if (Network(a) is { } net) IpRoute(w, filter, net, "CONNECTED", 0, 0, a.Split('/')[0], v);
                foreach (var r in (i["ipRoutes"] as JsonArray ?? []).OfType<JsonObject>())
                    if (Str(r, "prefix") is { } prefix && Network(prefix) is { } net) IpRoute(w, filter, net, "STATIC", 1, 0, Str(r, "nextHop"), v);
            }
            foreach (var p in Peers(state, n).Where(p => !p.Shutdown))
                IpRoute(w, filter, Learned(p), "BGP", 20, 0, p.Ip, p.Vxc);
        }
        else
        {
            var peers = Peers(state, n).ToList();
            var one = op.Kind == "neighbor" ? peers.FirstOrDefault(p => p.Ip == op.IpAddress) : null;
            if (op.Kind == "bgp" || op.Direction == "ADVERTISED")
                BgpRoute(w, filter, Pool(n), op.Kind == "neighbor" ? n.Asn.ToString(CultureInfo.InvariantCulture) : "", "0.0.0.0", false, null, null,
                    peers.Where(p => !p.Shutdown).Select(p => p.Ip), n.LiveDate ?? n.CreateDate);
            if (op.Kind == "bgp" || op.Direction == "RECEIVED")
                foreach (var p in peers.Where(p => !p.Shutdown && (one is null || p == one)))
                    BgpRoute(w, filter, Learned(p), p.Asn.ToString(CultureInfo.InvariantCulture), p.Ip, true, p.Ip, p.Vxc, [], p.Vxc.LiveDate ?? p.Vxc.CreateDate);
        }
        w.WriteEndArray();
    }

    /// <summary>What a BGP peer announces: one /24 per peer.</summary>
    private static string Learned(Peer p) => $"192.168.{100 + p.Index % 150}.0/24";

    private static void IpRoute(Utf8JsonWriter w, string? filter, string prefix, string protocol, int distance, int metric, string? nextHop, VxcService? vxc)
    {
        if (filter is not null && !Contains(prefix, filter)) return;
        w.WriteStartObject();
        w.WriteString("prefix", prefix);
        w.WriteString("protocol", protocol);
        w.WriteNumber("distance", distance);
        w.WriteNumber("metric", metric);
        NextHop(w, nextHop, vxc);
        w.WriteEndObject();
    }

    private static void BgpRoute(Utf8JsonWriter w, string? filter, string prefix, string asPath, string source, bool external, string? nextHop,
        VxcService? vxc, IEnumerable<string> advertisedTo, long since)
    {
        if (filter is not null && !Contains(prefix, filter)) return;
        w.WriteStartObject();
        w.WriteString("prefix", prefix);
        w.WriteString("asPath", asPath);
        w.WriteString("origin", "IGP");
        w.WriteString("source", source);
        w.WriteNumber("localPref", 100);
        w.WriteNumber("med", 0);
        w.WriteBoolean("best", true);
        w.WriteBoolean("external", external);
        w.WriteString("since", NatGatewayService.Iso(since));
        w.WriteStartArray("communities"); w.WriteEndArray();
        w.WriteStringArray("advertisedTo", advertisedTo);
        NextHop(w, nextHop ?? "0.0.0.0", vxc);
        w.WriteEndObject();
    }

    private static void NextHop(Utf8JsonWriter w, string? ip, VxcService? vxc)
    {
        w.WriteStartObject("nextHop");
        w.WriteStringOrNull("ip", ip);
        if (vxc is null) w.WriteNull("vxc");
        else
        {
            w.WriteStartObject("vxc");
            w.WriteString("id", vxc.Uid);
            w.WriteString("name", vxc.Name);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>"10.0.0.1/30" → "10.0.0.0/30"; null when it is not an address with a prefix length.</summary>
    private static string? Network(string cidr)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || !int.TryParse(parts[1], out var len)) return null;
        var bytes = ip.GetAddressBytes();
        if (len < 0 || len > bytes.Length * 8) return null;
        for (var b = 0; b < bytes.Length; b++)
        {
            var keep = Math.Clamp(len - b * 8, 0, 8);
            bytes[b] &= (byte)(0xFF << (8 - keep));
        }
        return $"{new IPAddress(bytes)}/{len}";
    }

    private static bool Contains(string prefix, string address)
    {
        if (!IPAddress.TryParse(address, out var ip) || Network(prefix) is not { } net) return false;
        var len = int.Parse(net.Split('/')[1], CultureInfo.InvariantCulture);
        return Network($"{ip}/{len}") == net;
    }
}
