using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>
    /// The NAT gateway's own endpoints (/v3/products/nat_gateways): reads, the session matrix, packet filters, prefix
    /// lists and the asynchronous route diagnostics. Designs, validate and buy are in MegaportApi.Orders.cs.
    /// </summary>
    internal sealed partial class MegaportApi
    {
        const string NatGateways = "/v3/products/nat_gateways";

        static string Gateway(string uid) => NatGateways + "/" + Escape(uid);

        /// <summary>These reads send no productType: the gateway is read as what the path says it is.</summary>
        static NatGateway ReadGateway(JObject o)
        {
            if (o.Get("productType") == null) o["productType"] = NatGatewayProduct.ApiType;
            return (NatGateway)ServiceReader.Read(o);
        }

        public async Task<IReadOnlyList<NatGateway>> GetNatGatewaysAsync(CallContext ctx)
        {
            var result = await Client.SendAsync("GET", NatGateways, null, RetryKind.Read, ctx).ConfigureAwait(false);
            return Items(result.Data).Select(ReadGateway).ToList();
        }

        /// <summary>GET /v3/products/nat_gateways/{uid}; an unknown UID (or another product's) is MegaportServiceNotFound.</summary>
        public async Task<NatGateway> GetNatGatewayAsync(string uid, CallContext ctx)
        {
            var o = await ReadObjectAsync(Gateway(uid), uid, ctx).ConfigureAwait(false);
            return ReadGateway(o);
        }

        public async Task<IReadOnlyList<NatGatewaySession>> GetNatGatewaySessionsAsync(CallContext ctx)
        {
            var result = await Client.SendAsync("GET", NatGateways + "/sessions", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return Items(result.Data)
                .Select(o => new NatGatewaySession { Speed = o.Int("speedMbps") ?? 0, SessionCounts = o.Ints("sessionCount").OrderBy(c => c).ToArray() })
                .Where(s => s.Speed > 0).OrderBy(s => s.Speed).ToList();
        }

        // ------------------------------------------------------------------ packet filters and prefix lists

        static string ListPath(NatGatewayList list) => list == NatGatewayList.PacketFilters ? "packet_filter" : "prefix_list";

        /// <summary>Where a gateway's packet filters or prefix lists are summarised (id and description).</summary>
        internal static string NatGatewayListSummaries(NatGatewayList list, string uid) => $"{Gateway(uid)}/{ListPath(list)}_summaries";

        /// <summary>Where a gateway's packet filters or prefix lists are created (POST) and, with "/{id}", read, replaced and deleted.</summary>
        internal static string NatGatewayListItems(NatGatewayList list, string uid) => $"{Gateway(uid)}/{ListPath(list)}s";

        /// <summary>The summaries of a gateway's packet filters or prefix lists: id and description.</summary>
        public Task<IReadOnlyList<(int Id, string Description)>> GetNatGatewayListsAsync(NatGatewayList list, string uid, CallContext ctx) =>
            GetSummariesAsync(NatGatewayListSummaries(list, uid), ctx);

        async Task<IReadOnlyList<(int Id, string Description)>> GetSummariesAsync(string path, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", path, null, RetryKind.Read, ctx).ConfigureAwait(false);
            return Items(result.Data).Where(o => o.Int("id") != null).Select(o => (o.Int("id")!.Value, o.Str("description") ?? "")).ToList();
        }

        public async Task<NatGatewayPacketFilter> GetPacketFilterAsync(string uid, int id, CallContext ctx) =>
            ReadPacketFilter(uid, await ReadObjectAsync($"{NatGatewayListItems(NatGatewayList.PacketFilters, uid)}/{id}", uid, ctx).ConfigureAwait(false));

        /// <summary>Creates a packet filter (<paramref name="id"/> null) or replaces one.</summary>
        public async Task<NatGatewayPacketFilter> SetPacketFilterAsync(string uid, int? id, PacketFilterSpec spec, CallContext ctx) =>
            ReadPacketFilter(uid, await WriteListAsync(NatGatewayList.PacketFilters, uid, id, spec, ctx).ConfigureAwait(false));

        public Task<ApiResult> DeleteNatGatewayListAsync(NatGatewayList list, string uid, int id, CallContext ctx) =>
            Client.SendAsync("DELETE", $"{NatGatewayListItems(list, uid)}/{id}", null, RetryKind.Write, ctx);

        async Task<JObject> WriteListAsync(NatGatewayList list, string uid, int? id, object spec, CallContext ctx)
        {
            var path = NatGatewayListItems(list, uid) + (id is int i ? "/" + i : "");
            var result = await Client.SendAsync(id == null ? "POST" : "PUT", path, RequestJson.ToToken(spec), RetryKind.Write, ctx).ConfigureAwait(false);
            return result.Data as JObject ?? throw NoData(id == null ? "POST" : "PUT", path, result);
        }

        static NatGatewayPacketFilter ReadPacketFilter(string uid, JObject o) => new()
        {
            ProductUid = uid,
            Id = o.Int("id") ?? 0,
            Description = o.Str("description") ?? "",
            Entries = o.Objects("entries").Select(e => new NatGatewayPacketFilterEntry
            {
                Action = e.Str("action")?.ToLowerInvariant() ?? "",
                Description = e.Str("description"),
                SourceAddress = e.Str("sourceAddress") ?? "",
                DestinationAddress = e.Str("destinationAddress") ?? "",
                SourcePorts = e.Str("sourcePorts"),
                DestinationPorts = e.Str("destinationPorts"),
                IpProtocol = e.Int("ipProtocol") is int p and not 0 ? p : null,
            }).ToArray(),
        };

        // ------------------------------------------------------------------ route diagnostics

        /// <summary>Asks for a routing table (IP or BGP) or a BGP neighbour's routes; the answer is an operation id to poll.</summary>
        public async Task<string> StartNatGatewayRoutesAsync(string uid, NatGatewayRoutes routes, string? ipAddress, string? peer, string? direction, CallContext ctx)
        {
            var path = $"{Gateway(uid)}/diagnostics/routes/" + routes switch
            {
                NatGatewayRoutes.Ip => "ip",
                NatGatewayRoutes.Bgp => "bgp",
                _ => "bgp/neighbor",
            };
            var query = routes == NatGatewayRoutes.BgpNeighbor
                ? $"?direction={Escape(direction ?? "")}&peer_ip_address={Escape(peer ?? "")}"
                : ipAddress != null ? "?ip_address=" + Escape(ipAddress) : "";
            var result = await Client.SendAsync("GET", path + query, null, RetryKind.Read, ctx).ConfigureAwait(false);
            return (result.Data as JValue)?.Value?.ToString() is { Length: > 0 } id ? id : throw NoData("GET", path, result);
        }

        /// <summary>
        /// The routes of a diagnostics operation, each handed to <paramref name="onRoute"/> as the answer is read; false
        /// while the operation is still running (the API answers an empty list).
        /// </summary>
        public async Task<bool> StreamNatGatewayRoutesAsync(string uid, string operationId, Action<object> onRoute, CallContext ctx)
        {
            var any = false;
            await Client.StreamArrayAsync($"{Gateway(uid)}/diagnostics/routes/operation?operationId={Escape(operationId)}", o =>
            {
                any = true;
                onRoute(ReadRoute(uid, o));
            }, ctx).ConfigureAwait(false);
            return any;
        }

        /// <summary>A BGP route has BGP's own fields (asPath, localPref, best, origin); anything else is an IP route.</summary>
        static object ReadRoute(string uid, JObject o)
        {
            var next = o.Obj("nextHop");
            var vxc = next.Obj("vxc");
            if (o.Get("asPath") != null || o.Get("localPref") != null || o.Get("best") != null || o.Get("origin") != null)
                return new NatGatewayBgpRoute
                {
                    ProductUid = uid, Prefix = o.Str("prefix") ?? "", AsPath = o.Str("asPath"), Origin = o.Str("origin"), Source = o.Str("source"),
                    LocalPref = o.Int("localPref"), Med = o.Int("med"), Best = o.Bool("best"), External = o.Bool("external"), Since = o.Date("since"),
                    Communities = Texts(o, "communities"), AdvertisedTo = Texts(o, "advertisedTo"),
                    NextHop = next.Str("ip"), NextHopVxcUid = vxc.Str("id"), NextHopVxcName = vxc.Str("name"),
                };
            return new NatGatewayIpRoute
            {
                ProductUid = uid, Prefix = o.Str("prefix") ?? "", Protocol = o.Str("protocol")?.ToUpperInvariant(), Distance = o.Int("distance"),
                Metric = o.Int("metric"), NextHop = next.Str("ip"), NextHopVxcUid = vxc.Str("id"), NextHopVxcName = vxc.Str("name"),
            };
        }

        static string[] Texts(JObject o, string name) =>
            (o.Get(name) as JArray)?.Select(t => t.Type == JTokenType.String ? (string?)t : t.ToString()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray()
            ?? Array.Empty<string>();

        // ------------------------------------------------------------------ helpers

        static IEnumerable<JObject> Items(JToken? data) => (data as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>();

        /// <summary>GET of one object; a 404 (or the API's "Could not find") names the gateway.</summary>
        async Task<JObject> ReadObjectAsync(string path, string uid, CallContext ctx)
        {
            try
            {
                var result = await Client.SendAsync("GET", path, null, RetryKind.Read, ctx).ConfigureAwait(false);
                return result.Data as JObject ?? throw NoData("GET", path, result);
            }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                ex.Target = uid;
                ex.RecommendedAction = "Check the UID and id; Get-MegaportNatGateway lists the NAT gateways on the account.";
                throw;
            }
        }

        static MegaportException NoData(string method, string path, ApiResult result) =>
            new(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"{method} {path} -> {result.Status} returned no data (Trace-Id {result.TraceId}).")
            { Method = method, Path = path, TraceId = result.TraceId };
    }

    /// <summary>A NAT gateway's lists: packet filters or prefix lists.</summary>
    internal enum NatGatewayList { PacketFilters, PrefixLists }

    /// <summary>The route diagnostics of a NAT gateway.</summary>
    internal enum NatGatewayRoutes { Ip, Bgp, BgpNeighbor }
}
