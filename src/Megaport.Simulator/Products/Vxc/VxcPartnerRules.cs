using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>The configuration a VXC carries for its ends: the cloud partner configs here, vRouter (MCR) configs in <see cref="VxcVRouterRules"/>.</summary>
public static partial class VxcPartnerRules
{
    [GeneratedRegex("^[0-9]{12}$")] private static partial Regex AwsAccount();
    [GeneratedRegex("^[0-9a-fA-F]{32}$")] private static partial Regex IbmAccount();
    [GeneratedRegex("^[0-9a-zA-Z/\\-_, ]{1,100}$")] private static partial Regex IbmName();

    private static readonly ObjectShape Aws = Shape.Fields(
        "connectType", "type", "ownerAccount", "asn", "amazonAsn", "authKey", "prefixes", "customerIpAddress", "amazonIpAddress", "name");

    private static readonly ObjectShape Azure = Shape.Fields("connectType", "serviceKey").With("peers", Shape.ListOf(
        Shape.Fields("type", "peer_asn", "primary_subnet", "secondary_subnet", "prefixes", "shared_key", "vlan")));

    private static readonly Dictionary<string, ObjectShape> ConfigShapes = new()
    {
        ["AWS"] = Aws, ["AWSHC"] = Aws, ["AZURE"] = Azure,
        ["GOOGLE"] = Shape.Fields("connectType", "pairingKey"),
        ["ORACLE"] = Shape.Fields("connectType", "virtualCircuitId"),
        ["IBM"] = Shape.Fields("connectType", "account_id", "customer_asn", "name", "customer_ip_address", "provider_ip_address"),
        ["TRANSIT"] = Shape.Fields("connectType"),
        ["VROUTER"] = VxcVRouterRules.ConfigShape,
    };

    /// <summary>A <c>partnerConfig</c> (or <c>aEndConfig</c>/<c>bEndConfig</c>): its fields depend on <c>connectType</c>.</summary>
    public static readonly Shape ConfigShape = Shape.OneOf(
        c => ConnectType(c) is { } t ? ConfigShapes.GetValueOrDefault(t) : c.ContainsKey("connectType") ? null : VxcVRouterRules.ConfigShape,
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
}
