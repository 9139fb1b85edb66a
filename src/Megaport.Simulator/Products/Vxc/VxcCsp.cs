using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Products;

/// <summary>A VXC's <c>resources.csp_connection</c> entries: the vRouter end(s) and the cloud end, per connect type.</summary>
public static class VxcCsp
{
    private static string? Str(JsonObject? o, string key) =>
        o?[key] is JsonValue jv ? (jv.TryGetValue<string>(out var s) ? s : jv.ToJsonString()) : null;

    // Seed configs hold CLR ints, parsed bodies JSON numbers, some clients strings: all count.
    private static long Int(JsonObject? o, string key)
    {
        if (o?[key] is not JsonValue jv) return 0;
        if (jv.TryGetValue<long>(out var l)) return l;
        if (jv.TryGetValue<int>(out var i)) return i;
        return jv.TryGetValue<string>(out var s) && long.TryParse(s, out l) ? l : 0;
    }

    public static void WriteVRouter(Utf8JsonWriter w, IVirtualRouter router, VxcEnd end, JsonObject? config, string resourceName)
    {
        w.WriteStartObject();
        w.WriteString("connectType", "VROUTER");
        w.WriteString("resource_name", resourceName);
        w.WriteString("resource_type", "csp_connection");
        w.WriteNumber("vlan", end.Vlan);
        w.WriteString("virtualRouterName", router.Name);
        var ips = new List<string>();
        w.WriteStartArray("interfaces");
        foreach (var i in VxcVRouterRules.Interfaces(config))
        {
            w.WriteStartObject();
            w.WriteString("interfaceType", VxcVRouterRules.Text(i["interfaceType"]) ?? VxcVRouterRules.SubInterface);
            if (i["description"] is JsonValue description) { w.WritePropertyName("description"); description.WriteTo(w); }
            w.WritePropertyName("ipAddresses");
            if (i["ipAddresses"] is JsonArray addrs)
            {
                addrs.WriteTo(w);
                ips.AddRange(addrs.Select(VxcVRouterRules.Text).OfType<string>());
            }
            else { w.WriteStartArray(); w.WriteEndArray(); }
            foreach (var key in new[] { "ipRoutes", "bgpConnections", "natIpAddresses" })
            {
                w.WritePropertyName(key);
                if (i[key] is JsonArray arr) arr.WriteTo(w); else { w.WriteStartArray(); w.WriteEndArray(); }
            }
            w.WritePropertyName("bfd");
            if (i["bfd"] is JsonObject bfd) bfd.WriteTo(w);
            else { w.WriteStartObject(); w.WriteNumber("txInterval", 300); w.WriteNumber("rxInterval", 300); w.WriteNumber("multiplier", 3); w.WriteEndObject(); }
            foreach (var key in new[] { "vlan", "ipMtu" })
                if (i[key] is JsonValue value) { w.WritePropertyName(key); value.WriteTo(w); }
            // Echoed as stored, pre-shared key in clear: the real API has been seen to do so, and clients must drop it.
            if (i["ipSecTunnelOptions"] is JsonObject tunnel) { w.WritePropertyName("ipSecTunnelOptions"); tunnel.WriteTo(w); }
            // A NAT gateway end's packet filters, by id, when the interface has them.
            foreach (var key in VxcVRouterRules.PacketFilterFields)
                if (VxcVRouterRules.Number(i[key]) is long filter) w.WriteNumber(key, filter);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStringArray("ip_addresses", ips);
        w.WriteEndObject();
    }

    public static void WriteCloud(Utf8JsonWriter w, VxcService v, PartnerPort partner)
    {
        var c = v.BPartnerConfig;
        w.WriteStartObject();
        w.WriteString("connectType", partner.ConnectType);
        w.WriteString("resource_name", "b_csp_connection");
        w.WriteString("resource_type", "csp_connection");
        switch (partner.ConnectType)
        {
            case "AWS":
                w.WriteNumber("vlan", v.B.Vlan);
                w.WriteString("account", Str(c, "ownerAccount") ?? "");
                w.WriteString("amazon_address", Str(c, "amazonIpAddress") ?? "");
                w.WriteNumber("asn", Int(c, "asn"));
                w.WriteNumber("amazonAsn", Int(c, "amazonAsn"));
                w.WriteString("authKey", Str(c, "authKey") ?? "");
                w.WriteString("customer_address", Str(c, "customerIpAddress") ?? "");
                w.WriteString("customerIpAddress", Str(c, "customerIpAddress") ?? "");
                w.WriteNumber("id", v.ProductId);
                w.WriteString("name", Str(c, "name") ?? v.Name);
                w.WriteString("ownerAccount", Str(c, "ownerAccount") ?? "");
                w.WriteNumber("peerAsn", Int(c, "asn"));
                w.WriteString("type", Str(c, "type") ?? "private");
                w.WriteString("vif_id", v.CloudResourceId);
                break;
            case "AWSHC":
                w.WriteNumber("bandwidth", v.RateLimit);
                w.WriteString("name", Str(c, "name") ?? v.Name);
                w.WriteString("ownerAccount", Str(c, "ownerAccount") ?? "");
                w.WriteIntArray("bandwidths", [v.RateLimit]);
                w.WriteString("connectionId", v.CloudResourceId);
                break;
            case "AZURE":
                w.WriteNumber("bandwidth", v.RateLimit);
                w.WriteBoolean("managed", false);
                w.WriteStartArray("megaports");
                w.WriteStartObject();
                w.WriteNumber("port", partner.ProductId);
                w.WriteString("type", partner.DiversityZone == "blue" ? "secondary" : "primary");
                w.WriteNumber("vxc", v.ProductId);
                w.WriteEndObject();
                w.WriteEndArray();
                WritePorts(w, partner, v, "PORT");
                w.WriteString("service_key", Str(c, "serviceKey") ?? "");
                w.WriteNumber("vlan", v.B.Vlan);
                w.WriteStartArray("peers");
                if (c?["peers"] is JsonArray peers)
                    foreach (var node in peers)
                    {
                        if (node is not JsonObject p) continue;
                        w.WriteStartObject();
                        w.WriteString("type", Str(p, "type") ?? "private");
                        w.WriteNumber("peer_asn", Int(p, "peer_asn"));
                        w.WriteString("primary_subnet", Str(p, "primary_subnet") ?? "");
                        w.WriteString("secondary_subnet", Str(p, "secondary_subnet") ?? "");
                        w.WriteNumber("vlan", Int(p, "vlan"));
                        w.WriteEndObject();
                    }
                w.WriteEndArray();
                break;
            case "GOOGLE":
                w.WriteNumber("bandwidth", v.RateLimit);
                w.WriteIntArray("bandwidths", [v.RateLimit]);
                WriteMegaports(w, partner, v);
                WritePorts(w, partner, v, null);
                w.WriteString("csp_name", "GOOGLE");
                w.WriteString("pairingKey", Str(c, "pairingKey") ?? "");
                break;
            case "ORACLE":
                w.WriteString("csp_name", "ORACLE");
                w.WriteNumber("bandwidth", v.RateLimit);
                WriteMegaports(w, partner, v);
                WritePorts(w, partner, v, null);
                w.WriteString("virtualCircuitId", Str(c, "virtualCircuitId") ?? "");
                break;
            case "IBM":
                w.WriteString("csp_name", "IBM");
                w.WriteNumber("bandwidth", v.RateLimit);
                w.WriteString("account_id", Str(c, "account_id") ?? "");
                w.WriteNumber("customer_asn", Int(c, "customer_asn"));
                w.WriteString("provider_ip_address", Str(c, "provider_ip_address") ?? "169.254.0.2/30");
                w.WriteString("customer_ip_address", Str(c, "customer_ip_address") ?? "169.254.0.1/30");
                w.WriteIntArray("bandwidths", [v.RateLimit]);
                break;
            case "TRANSIT":
                var n = v.ProductId % 250 + 2;
                w.WriteString("customer_ip4_address", $"100.64.{n % 256}.2/30");
                w.WriteString("customer_ip6_network", $"2001:db8:{n:x}::/64");
                w.WriteString("ipv4_gateway_address", $"100.64.{n % 256}.1");
                w.WriteString("ipv6_gateway_address", $"2001:db8:{n:x}::1");
                break;
        }
        w.WriteEndObject();
    }

    private static void WriteMegaports(Utf8JsonWriter w, PartnerPort partner, VxcService v)
    {
        w.WriteStartArray("megaports");
        w.WriteStartObject();
        w.WriteNumber("port", partner.ProductId);
        w.WriteNumber("vxc", v.ProductId);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WritePorts(Utf8JsonWriter w, PartnerPort partner, VxcService v, string? type)
    {
        w.WriteStartArray("ports");
        w.WriteStartObject();
        w.WriteNumber("service_id", partner.ProductId);
        if (type is not null) w.WriteString("type", type);
        w.WriteIntArray("vxc_service_ids", [v.ProductId]);
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
