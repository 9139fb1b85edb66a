using System.Net;
using System.Text.Json.Nodes;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>
/// What a vRouter config is checked against: the MCR at that end, why that end may not carry IPsec tunnels (null when
/// it may), and how many tunnels the MCR already has on its other VXCs (and on earlier items of the same order).
/// </summary>
public sealed record VRouterEnd(IVirtualRouter Router, string? IpsecRefusal, int TunnelsElsewhere)
{
    /// <summary>An MCR A-End: tunnels only towards Megaport Internet. <paramref name="except"/> is the VXC being changed.</summary>
    public static VRouterEnd AEnd(SimulatorState state, IVirtualRouter router, PartnerPort? bPartner, string bName,
        VxcService? except = null, IEnumerable<Service>? planned = null) =>
        new(router, bPartner?.ConnectType == "TRANSIT" ? null
                : $"an ipSecTunnel interface needs a Megaport Internet (TRANSIT) B-End, and {bName} is not one",
            Elsewhere(state, router, except, planned));

    /// <summary>An MCR B-End: never tunnels.</summary>
    public static VRouterEnd BEnd(SimulatorState state, IVirtualRouter router, VxcService? except = null) =>
        new(router, "ipSecTunnel interfaces are only allowed on an MCR A-End whose B-End is Megaport Internet", Elsewhere(state, router, except, null));

    private static int Elsewhere(SimulatorState state, IVirtualRouter router, VxcService? except, IEnumerable<Service>? planned) =>
        McrIpsec.TunnelUsers(state, router).Where(u => !ReferenceEquals(u.Vxc, except)).Sum(u => u.Tunnels) +
        (planned ?? []).OfType<VxcService>().Sum(v => VxcVRouterRules.TunnelCount(VxcVRouterRules.ConfigAt(v, router.Uid)));
}

/// <summary>
/// The vRouter configuration of a VXC end on an MCR or a NAT gateway: interfaces with addresses, routes, NAT (an MCR's),
/// BFD, BGP sessions (whose prefix lists must be the router's own), IPsec tunnels (within an MCR's add-on) and packet
/// filters (a NAT gateway's). Order and PUT run the same checks. Also reads stored configs back.
/// </summary>
public static class VxcVRouterRules
{
    public const string SubInterface = "subInterface";
    public const string Tunnel = "ipSecTunnel";
    public static readonly string[] PrefixListFields = ["importWhitelist", "importBlacklist", "exportWhitelist", "exportBlacklist"];
    public static readonly string[] PacketFilterFields = ["packetFilterIn", "packetFilterOut"];
    private static readonly string[] PeerTypes = ["NON_CLOUD", "PRIV_CLOUD", "PUB_CLOUD"];

    private static readonly ObjectShape Bgp = Shape.Fields(
            "peerAsn", "localAsn", "localIpAddress", "peerIpAddress", "password", "shutdown", "description", "medIn", "medOut",
            "bfdEnabled", "exportPolicy", "asPathPrependCount", "peerType", "asOverride")
        .With(PrefixListFields)
        .With("permitExportTo", Shape.ListOf(Shape.Value)).With("denyExportTo", Shape.ListOf(Shape.Value));

    /// <summary>An MCR end's vRouter configuration (clients send no <c>connectType</c>; VROUTER is accepted).</summary>
    public static readonly ObjectShape ConfigShape = Shape.Fields("connectType").With("interfaces", Shape.ListOf(
        Shape.Fields("description", "interfaceType", "vlan", "ipMtu").With(PacketFilterFields)
            .With("ipAddresses", Shape.ListOf(Shape.Value))
            .With("ipRoutes", Shape.ListOf(Shape.Fields("prefix", "description", "nextHop")))
            .With("natIpAddresses", Shape.ListOf(Shape.Value))
            .With("bfd", Shape.Fields("txInterval", "rxInterval", "multiplier"))
            .With("bgpConnections", Shape.ListOf(Bgp))
            .With("ipSecTunnelOptions", Shape.Fields(
                "sourceIpAddress", "destinationIpAddress", "preSharedKey", "passive", "localId", "remoteId", "phase1Lifetime", "phase2Lifetime"))));

    public static void Check(JsonFields f, JsonObject config, string path, VRouterEnd end)
    {
        var c = new JsonFields(config, f.Label, path + ".");
        if (c.Str("connectType") is { } ct && !ct.Equals("VROUTER", StringComparison.OrdinalIgnoreCase))
            throw f.Fail($"{path}.connectType {ct} is not valid here (vRouter configuration expected)");
        var interfaces = c.Arr("interfaces") ?? [];
        var tunnels = 0;
        for (var n = 0; n < interfaces.Count; n++)
        {
            var at = $"{path}.interfaces[{n}]";
            if (interfaces[n] is not JsonObject io) throw f.Fail($"{at} must be an object");
            var i = new JsonFields(io, f.Label, at + ".");
            var type = i.Str("interfaceType") ?? SubInterface;
            if (type is not (SubInterface or Tunnel)) throw i.Fail($"{at}.interfaceType '{type}' is invalid ({SubInterface} or {Tunnel})");
            i.Str("description");
            var addresses = new List<IPAddress>();
            foreach (var text in Texts(i, "ipAddresses"))
                addresses.Add(IpText.TryCidr(text, out var ip, out _) ? ip
                    : throw i.Fail($"{at}.ipAddresses '{text}' is not an address with prefix length such as 10.0.0.1/30"));
            if (i.Int("ipMtu") is int mtu && mtu is < 68 or > 9074) throw i.Fail($"{at}.ipMtu {mtu} is invalid (68-9074)");
            if (i.Int("vlan") is int vlan and not 0 && vlan is < 2 or > 4093) throw i.Fail($"{at}.vlan {vlan} is invalid (2-4093)");
            var bfd = i.Sub("bfd");
            foreach (var key in new[] { "txInterval", "rxInterval" })
                if (bfd.Int(key) is int ms && ms is < 300 or > 30000) throw i.Fail($"{at}.bfd.{key} {ms} is invalid (300-30000)");
            if (bfd.Int("multiplier") is int m && m is < 3 or > 20) throw i.Fail($"{at}.bfd.multiplier {m} is invalid (3-20)");
            Routes(i, at);
            var nat = Texts(i, "natIpAddresses").ToList();
            foreach (var text in nat)
                if (!IpText.TryAddress(text, out _)) throw i.Fail($"{at}.natIpAddresses '{text}' is not an IP address");
            if (nat.Count > 0 && !end.Router.TakesNatAddresses)
                throw i.Fail($"{at}.natIpAddresses is not allowed on a {end.Router.Descriptor.Word} end: the gateway manages its NAT addresses");
            PacketFilters(i, at, end.Router);
            var sessions = i.Arr("bgpConnections") ?? [];
            for (var k = 0; k < sessions.Count; k++)
            {
                var bAt = $"{at}.bgpConnections[{k}]";
                if (sessions[k] is not JsonObject bo) throw i.Fail($"{bAt} must be an object");
                Session(new JsonFields(bo, f.Label, bAt + "."), bAt, addresses, end.Router);
            }
            var options = i.Obj("ipSecTunnelOptions");
            if (type == Tunnel)
            {
                if (end.IpsecRefusal is { } why) throw i.Fail($"{at}: {why}");
                if (options is null) throw i.Fail($"{at}.ipSecTunnelOptions is required for an {Tunnel} interface");
                TunnelOptions(new JsonFields(options, f.Label, at + ".ipSecTunnelOptions."), at + ".ipSecTunnelOptions");
                tunnels++;
            }
            else if (options is not null) throw i.Fail($"{at}.ipSecTunnelOptions needs interfaceType {Tunnel}");
        }
        if (tunnels == 0) return;
        var r = end.Router;
        var limit = r.IpsecTunnelLimit;
        if (limit == 0)
            throw f.Fail($"MCR {r.Name} ({r.Uid}) has no IPsec add-on: add one (POST /v3/product/{r.Uid}/addon) before configuring IPsec tunnels");
        if (end.TunnelsElsewhere + tunnels > limit)
            throw f.Fail($"{tunnels} IPsec tunnel(s) do not fit on MCR {r.Name}: its add-on allows {limit} tunnels and {end.TunnelsElsewhere} are in use on its other VXCs");
    }

    /// <summary>packetFilterIn/Out: the id of one of the router's packet filters (a NAT gateway's); other routers have none.</summary>
    private static void PacketFilters(JsonFields i, string at, IVirtualRouter router)
    {
        foreach (var key in PacketFilterFields)
        {
            if (i.Long(key) is not long id) continue;
            if (router.PacketFilterIds is not { } ids)
                throw i.Fail($"{at}.{key} is only allowed on a NAT gateway end: {router.Descriptor.Word} {router.Name} has no packet filters");
            if (!ids.Contains((int)Math.Clamp(id, int.MinValue, int.MaxValue)))
                throw i.Fail($"{at}.{key} {id} is not a packet filter of {router.Descriptor.Word} {router.Name} ({router.Uid})");
        }
    }

    private static void Routes(JsonFields i, string at)
    {
        var routes = i.Arr("ipRoutes") ?? [];
        for (var n = 0; n < routes.Count; n++)
        {
            var rAt = $"{at}.ipRoutes[{n}]";
            if (routes[n] is not JsonObject ro) throw i.Fail($"{rAt} must be an object");
            var r = new JsonFields(ro, i.Label, rAt + ".");
            var prefix = r.Str("prefix");
            if (!IpText.TryCidr(prefix, out var net, out _)) throw r.Fail($"{rAt}.prefix '{prefix}' is not a CIDR prefix such as 10.1.0.0/16");
            var hop = Address(r, "nextHop", rAt)!;
            if (IpText.Family(hop) != IpText.Family(net)) throw r.Fail($"{rAt}.nextHop {hop} is not {IpText.Family(net)} like the prefix {prefix}");
            r.Str("description");
        }
    }

    private static void Session(JsonFields b, string at, List<IPAddress> addresses, IVirtualRouter router)
    {
        Asn(b, "peerAsn", required: true);
        Asn(b, "localAsn", required: false);
        var local = Address(b, "localIpAddress", at)!;
        if (!addresses.Contains(local))
            throw b.Fail($"{at}.localIpAddress {local} is not one of the interface's ipAddresses ({(addresses.Count == 0 ? "it has none" : string.Join(", ", addresses))})");
        var peer = Address(b, "peerIpAddress", at)!;
        var family = IpText.Family(local);
        if (IpText.Family(peer) != family) throw b.Fail($"{at}.peerIpAddress {peer} is not {family} like the localIpAddress {local}");
        b.Str("password");
        b.Str("description");
        foreach (var flag in new[] { "shutdown", "bfdEnabled", "asOverride" }) b.Bool(flag);
        foreach (var med in new[] { "medIn", "medOut" })
            if (b.Long(med) is long v && v is < 0 or > MaxAsn) throw b.Fail($"{at}.{med} {v} is invalid (0-{MaxAsn})");
        if (b.Str("exportPolicy") is { } policy && policy.ToLowerInvariant() is not ("permit" or "deny"))
            throw b.Fail($"{at}.exportPolicy '{policy}' is invalid: use permit or deny");
        foreach (var key in new[] { "permitExportTo", "denyExportTo" })
            foreach (var text in Texts(b, key))
                if (!IpText.TryAddress(text, out _)) throw b.Fail($"{at}.{key} '{text}' is not an IP address");
        foreach (var key in PrefixListFields)
        {
            if (b.Int(key) is not int id || id == 0) continue;
            var list = router.FindPrefixList(id) ?? throw b.Fail($"{at}.{key} {id} is not a prefix list of {router.Descriptor.Word} {router.Name} ({router.Uid})");
            if (list.AddressFamily != family)
                throw b.Fail($"{at}.{key} {id} ({list.Description}) is an {list.AddressFamily} list, but the session is {family}");
        }
        if (b.Int("asPathPrependCount") is int prepend && prepend is < 0 or > 10) throw b.Fail($"{at}.asPathPrependCount {prepend} is invalid (0-10)");
        if (b.Str("peerType") is { } peerType && !PeerTypes.Contains(peerType))
            throw b.Fail($"{at}.peerType '{peerType}' is invalid ({string.Join(", ", PeerTypes)})");
    }

    private static void TunnelOptions(JsonFields t, string at)
    {
        Address(t, "sourceIpAddress", at);
        Address(t, "destinationIpAddress", at);
        var key = t.Str("preSharedKey");
        if (string.IsNullOrEmpty(key)) throw t.Fail($"{at}.preSharedKey is required");
        if (key.Length is < 8 or > 64) throw t.Fail($"{at}.preSharedKey must be 8-64 characters (got {key.Length})");
        t.Bool("passive");
        t.Str("localId");
        t.Str("remoteId");
        var phase1 = t.Int("phase1Lifetime");
        if (phase1 is int p1 && p1 is < 3600 or > 604800) throw t.Fail($"{at}.phase1Lifetime {p1} is invalid (3600-604800 seconds)");
        if (t.Int("phase2Lifetime") is int p2)
        {
            if (p2 is < 600 or > 86400) throw t.Fail($"{at}.phase2Lifetime {p2} is invalid (600-86400 seconds)");
            var limit = phase1 ?? 28800; // the API's phase 1 default
            if (p2 >= limit) throw t.Fail($"{at}.phase2Lifetime {p2} must be below phase 1's {limit} seconds");
        }
    }

    /// <summary>A required IP address (no prefix length).</summary>
    private static IPAddress? Address(JsonFields x, string key, string at)
    {
        var text = x.Str(key);
        if (string.IsNullOrEmpty(text)) throw x.Fail($"{at}.{key} is required");
        return IpText.TryAddress(text, out var ip) ? ip : throw x.Fail($"{at}.{key} '{text}' is not an IP address");
    }

    private static IEnumerable<string> Texts(JsonFields x, string key)
    {
        foreach (var node in x.Arr(key) ?? [])
            yield return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw x.Fail($"{x.Path(key)} must hold strings");
    }

    // ---------------------------------------------------------------- stored configs

    /// <summary>The config a VXC keeps for its end on <paramref name="productUid"/> (null when neither end is that product).</summary>
    public static JsonObject? ConfigAt(VxcService v, string productUid) =>
        v.A.ProductUid.Equals(productUid, StringComparison.OrdinalIgnoreCase) ? v.APartnerConfig
        : v.B.ProductUid.Equals(productUid, StringComparison.OrdinalIgnoreCase) ? v.BPartnerConfig : null;

    public static IEnumerable<JsonObject> Interfaces(JsonObject? config) =>
        (config?["interfaces"] as JsonArray)?.OfType<JsonObject>() ?? [];

    public static bool IsTunnel(JsonObject i) => Text(i["interfaceType"]) == Tunnel;

    public static int TunnelCount(JsonObject? config) => Interfaces(config).Count(IsTunnel);

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A whole number from a stored config: parsed bodies hold JSON numbers (1 or 1.0), the seed CLR ints, some clients strings.</summary>
    public static long? Number(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<double>(out var d) && d % 1 == 0 && d is >= long.MinValue and <= long.MaxValue) return (long)d;
        return v.TryGetValue<string>(out var s) && long.TryParse(s, out l) ? l : null;
    }

    /// <summary>The BGP sessions, on VXCs of the router that are not decommissioned, that name prefix list <paramref name="id"/>.</summary>
    public static IEnumerable<(VxcService Vxc, string PeerIp, string Field)> SessionsUsing(SimulatorState state, IVirtualRouter router, int id)
    {
        foreach (var v in state.AttachedTo(router.Uid).OfType<VxcService>())
        {
            if (v.Status == ProvisioningStatus.Decommissioned) continue;
            foreach (var i in Interfaces(ConfigAt(v, router.Uid)))
                foreach (var b in (i["bgpConnections"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    foreach (var field in PrefixListFields)
                        if (Number(b[field]) == id) yield return (v, Text(b["peerIpAddress"]) ?? "?", field);
        }
    }
}
