using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>The configuration a VXC order carries for its ends: cloud partner configs and vRouter (MCR) configs.</summary>
public static partial class VxcPartnerRules
{
    [GeneratedRegex("^[0-9]{12}$")] private static partial Regex AwsAccount();
    [GeneratedRegex("^[0-9a-fA-F]{32}$")] private static partial Regex IbmAccount();
    [GeneratedRegex("^[0-9a-zA-Z/\\-_, ]{1,100}$")] private static partial Regex IbmName();

    private static readonly ObjectShape Aws = Shape.Fields(
        "connectType", "type", "ownerAccount", "asn", "amazonAsn", "authKey", "prefixes", "customerIpAddress", "amazonIpAddress", "name");

    private static readonly ObjectShape Azure = Shape.Fields("connectType", "serviceKey").With("peers", Shape.ListOf(
        Shape.Fields("type", "peer_asn", "primary_subnet", "secondary_subnet", "prefixes", "shared_key", "vlan")));

    private static readonly ObjectShape Bgp = Shape.Fields(
            "peerAsn", "localAsn", "localIpAddress", "peerIpAddress", "password", "shutdown", "description", "medIn", "medOut",
            "bfdEnabled", "exportPolicy", "importWhitelist", "importBlacklist", "exportWhitelist", "exportBlacklist",
            "asPathPrependCount", "peerType")
        .With("permitExportTo", Shape.ListOf(Shape.Value)).With("denyExportTo", Shape.ListOf(Shape.Value));

    /// <summary>An MCR end's vRouter configuration (clients send no <c>connectType</c>; VROUTER is accepted).</summary>
    private static readonly ObjectShape VRouter = Shape.Fields("connectType").With("interfaces", Shape.ListOf(
        Shape.Fields("description", "interfaceType", "vlan", "ipMtu", "packetFilterIn", "packetFilterOut")
            .With("ipAddresses", Shape.ListOf(Shape.Value))
            .With("ipRoutes", Shape.ListOf(Shape.Fields("prefix", "description", "nextHop")))
            .With("natIpAddresses", Shape.ListOf(Shape.Value))
            .With("bfd", Shape.Fields("txInterval", "rxInterval", "multiplier"))
            .With("bgpConnections", Shape.ListOf(Bgp))
            .With("ipSecTunnelOptions", Shape.Fields(
                "sourceIpAddress", "destinationIpAddress", "preSharedKey", "passive", "localId", "remoteId", "phase1Lifetime", "phase2Lifetime"))));

    private static readonly Dictionary<string, ObjectShape> ConfigShapes = new()
    {
        ["AWS"] = Aws, ["AWSHC"] = Aws, ["AZURE"] = Azure,
        ["GOOGLE"] = Shape.Fields("connectType", "pairingKey"),
        ["ORACLE"] = Shape.Fields("connectType", "virtualCircuitId"),
        ["IBM"] = Shape.Fields("connectType", "account_id", "customer_asn", "name", "customer_ip_address", "provider_ip_address"),
        ["TRANSIT"] = Shape.Fields("connectType"),
        ["VROUTER"] = VRouter,
    };

    /// <summary>A <c>partnerConfig</c> (or <c>aEndConfig</c>/<c>bEndConfig</c>): its fields depend on <c>connectType</c>.</summary>
    public static readonly Shape ConfigShape = Shape.OneOf(
        c => ConnectType(c) is { } t ? ConfigShapes.GetValueOrDefault(t) : c.ContainsKey("connectType") ? null : VRouter,
        ConfigShapes.Values.Distinct().ToArray());

    /// <summary>
    /// A config's <c>connectType</c>, upper case; the Azure spelling <c>AzureExpressRoute</c> (some clients send it)
    /// means AZURE, as the real API takes it. Null when absent or not text.
    /// </summary>
    public static string? ConnectType(JsonObject? config)
    {
        if (config?["connectType"] is not JsonValue v || !v.TryGetValue<string>(out var text)) return null;
        var type = text.ToUpperInvariant();
        return type == "AZUREEXPRESSROUTE" ? "AZURE" : type;
    }

    private static bool IbmAsnInRange(long asn) =>
        asn is >= 1 and <= 64495 or 64999 or >= 131072 and <= 4199999999 or >= 4201000000 and <= 4201064511;

    /// <summary>The B-End partner configuration must fit the partner port's connect type.</summary>
    public static void PartnerConfig(JsonFields f, PartnerPort partner, JsonObject? config, string? connect, PortLikeService aEnd)
    {
        var type = partner.ConnectType;
        if (type == "DEFAULT")
        {
            if (config is not null) throw f.Fail($"bEnd.partnerConfig is not used for {partner.Title}: remove it");
            return;
        }
        if (config is null)
        {
            if (type == "TRANSIT") return;
            throw f.Fail($"bEnd.partnerConfig with connectType {type} is required for {partner.Title}");
        }
        if (connect is null) throw f.Fail("bEnd.partnerConfig.connectType is required");
        if (connect != type)
            throw f.Fail($"bEnd.partnerConfig.connectType {connect} does not match the B-End port type {type} ({partner.Title})");
        var c = new JsonFields(config, f.Label, "bEnd.partnerConfig.");
        switch (type)
        {
            case "AWS":
            case "AWSHC":
                var account = c.Str("ownerAccount");
                if (string.IsNullOrEmpty(account)) throw c.Fail("bEnd.partnerConfig.ownerAccount is required (the 12-digit AWS account id)");
                if (!AwsAccount().IsMatch(account))
                    throw c.Fail($"bEnd.partnerConfig.ownerAccount must be a 12-digit AWS account id (got '{account}')");
                if (c.Str("name") is { Length: > 255 }) throw c.Fail("bEnd.partnerConfig.name must be at most 255 characters");
                if (type == "AWS")
                {
                    Asn(c, "asn", required: true);
                    Asn(c, "amazonAsn", required: false);
                    var vifType = c.Str("type") ?? "private";
                    if (vifType.ToLowerInvariant() is not ("private" or "public" or "transit"))
                        throw c.Fail($"bEnd.partnerConfig.type '{vifType}' is invalid: use private, public or transit");
                }
                break;
            case "AZURE":
                foreach (var node in c.Arr("peers") ?? [])
                {
                    if (node is not JsonObject po) throw c.Fail("bEnd.partnerConfig.peers must hold objects");
                    var p = new JsonFields(po, f.Label, "bEnd.partnerConfig.peers.");
                    var peerType = p.Str("type");
                    if (peerType?.ToLowerInvariant() is not ("private" or "microsoft"))
                        throw p.Fail($"bEnd.partnerConfig.peers.type '{peerType}' is invalid: use private or microsoft");
                    if (p.Has("vlan")) CheckVlan(p, "bEnd.partnerConfig.peers.vlan", p.Int("vlan")!.Value);
                }
                break;
            case "IBM":
                var id = c.Str("account_id");
                if (string.IsNullOrEmpty(id) || !IbmAccount().IsMatch(id))
                    throw c.Fail($"bEnd.partnerConfig.account_id must be 32 hexadecimal characters (got '{id}')");
                var asn = c.Long("customer_asn");
                if (asn is null or 0)
                {
                    if (aEnd is not IVirtualRouter) throw c.Fail("bEnd.partnerConfig.customer_asn is required unless the A-End is an MCR");
                }
                else if (!IbmAsnInRange(asn.Value))
                    throw c.Fail($"bEnd.partnerConfig.customer_asn {asn} is outside the ranges IBM accepts (1-64495, 64999, 131072-4199999999, 4201000000-4201064511)");
                if (c.Str("name") is { } ibmName && !IbmName().IsMatch(ibmName))
                    throw c.Fail("bEnd.partnerConfig.name must be 1-100 characters from 0-9 a-z A-Z / - _ ,");
                break;
        }
    }

    /// <summary>vRouter configuration on an MCR end: interfaces with CIDR addresses, MTU, BFD and BGP sessions.</summary>
    public static void VRouterConfig(JsonFields f, JsonObject config, string path)
    {
        var c = new JsonFields(config, f.Label, path + ".");
        if (c.Str("connectType") is { } ct && !ct.Equals("VROUTER", StringComparison.OrdinalIgnoreCase))
            throw f.Fail($"{path}.connectType {ct} is not valid here (vRouter configuration expected)");
        foreach (var node in c.Arr("interfaces") ?? [])
        {
            if (node is not JsonObject io) throw f.Fail($"{path}.interfaces must hold objects");
            var i = new JsonFields(io, f.Label, path + ".interfaces.");
            var type = i.Str("interfaceType");
            if (type is not null && type is not ("subInterface" or "ipSecTunnel"))
                throw f.Fail($"{path}.interfaces.interfaceType '{type}' is invalid (subInterface or ipSecTunnel)");
            foreach (var ip in i.Arr("ipAddresses") ?? [])
                if (ip is not JsonValue v || !v.TryGetValue<string>(out var s) || !s.Contains('/'))
                    throw f.Fail($"{path}.interfaces.ipAddresses must be CIDR strings such as 10.0.0.1/30");
            if (i.Int("ipMtu") is int mtu && mtu is < 68 or > 9074) throw f.Fail($"{path}.interfaces.ipMtu {mtu} is invalid (68-9074)");
            var bfd = i.Sub("bfd");
            foreach (var key in new[] { "txInterval", "rxInterval" })
                if (bfd.Int(key) is int ms && ms is < 300 or > 30000) throw f.Fail($"{path}.interfaces.bfd.{key} {ms} is invalid (300-30000)");
            if (bfd.Int("multiplier") is int m && m is < 3 or > 20) throw f.Fail($"{path}.interfaces.bfd.multiplier {m} is invalid (3-20)");
            foreach (var bn in i.Arr("bgpConnections") ?? [])
            {
                if (bn is not JsonObject bo) throw f.Fail($"{path}.interfaces.bgpConnections must hold objects");
                var b = new JsonFields(bo, f.Label, path + ".interfaces.bgpConnections.");
                Asn(b, "peerAsn", required: true);
                if (string.IsNullOrEmpty(b.Str("localIpAddress"))) throw b.Fail($"{b.Path("localIpAddress")} is required");
                if (string.IsNullOrEmpty(b.Str("peerIpAddress"))) throw b.Fail($"{b.Path("peerIpAddress")} is required");
                if (b.Int("asPathPrependCount") is int n && n is < 0 or > 10) throw b.Fail($"{b.Path("asPathPrependCount")} {n} is invalid (0-10)");
            }
        }
    }
}
