using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;

namespace Megaport.Simulator.State;

/// <summary>
/// Writes services in the real API's shapes (field names and their inconsistent casing included).
/// Call under the state lock.
/// </summary>
public sealed class ProductJson(SimulatorState state)
{
    public void WriteProduct(Utf8JsonWriter w, Service s)
    {
        switch (s)
        {
            case McrService m: WriteMcr(w, m); break;
            case MveService m: WriteMve(w, m); break;
            case PortLikeService p: WritePort(w, p); break;
            case VxcService v: WriteVxc(w, v); break;
            case IxService ix: WriteIx(w, ix); break;
            default: throw new InvalidOperationException("unknown service type " + s.GetType());
        }
    }

    private void WriteCommonHead(Utf8JsonWriter w, Service s)
    {
        w.WriteNumber("productId", s.ProductId);
        w.WriteString("productUid", s.Uid);
        w.WriteString("productName", s.Name);
        w.WriteString("productType", s.ProductTypeLabel);
        w.WriteString("provisioningStatus", s.Status);
        w.WriteNumber("createDate", s.CreateDate);
        w.WriteString("createdBy", s.CreatedBy);
    }

    private void WriteContract(Utf8JsonWriter w, Service s)
    {
        w.WriteString("companyUid", s.Company.Uid);
        w.WriteString("companyName", s.Company.Name);
        w.WriteString("costCentre", s.CostCentre);
        w.WriteNumberOrNull("contractStartDate", s.ContractStartDate);
        w.WriteNumberOrNull("contractEndDate", s.ContractEndDate);
        w.WriteNumber("contractTermMonths", s.Term);
        w.WriteBoolean("locked", s.Locked);
        w.WriteBoolean("adminLocked", s.AdminLocked);
        w.WriteBoolean("cancelable", s.Status != ProvisioningStatus.Decommissioned);
    }

    public void WriteLocationDetail(Utf8JsonWriter w, int locationId)
    {
        w.WritePropertyName("locationDetail");
        if (state.LocationsById.TryGetValue(locationId, out var l))
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            w.WriteString("city", l.City);
            w.WriteString("metro", l.Metro);
            w.WriteString("country", l.Country);
            w.WriteEndObject();
        }
        else w.WriteNullValue();
    }

    private void WritePortFields(Utf8JsonWriter w, PortLikeService p, bool camelVxcPermitted)
    {
        WriteCommonHead(w, p);
        w.WriteNumber("portSpeed", p.Speed);
        w.WriteNumberOrNull("terminateDate", p.TerminateDate);
        w.WriteNumberOrNull("liveDate", p.LiveDate);
        w.WriteString("market", p.Market);
        w.WriteNumber("locationId", p.LocationId);
        w.WriteString("usageAlgorithm", p.UsageAlgorithm);
        w.WriteBoolean("marketplaceVisibility", p.MarketplaceVisibility);
        // Products say "vxcpermitted" (ports) or "vxcPermitted" (MCR/MVE): both occur in real payloads.
        w.WriteBoolean(camelVxcPermitted ? "vxcPermitted" : "vxcpermitted", true);
        w.WriteBoolean("vxcAutoApproval", p.VxcAutoApproval);
        w.WriteStringOrNull("secondaryName", p.SecondaryName);
        var port = p as PortService;
        w.WriteBoolean("lagPrimary", port?.LagPrimary ?? false);
        w.WriteNumber("lagId", port?.LagId ?? 0);
        w.WriteNumber("aggregationId", port?.AggregationId ?? 0);
        WriteContract(w, p);
        if (p.DiversityZone is null) w.WriteNull("diversityZone"); else w.WriteString("diversityZone", p.DiversityZone);
        w.WriteBoolean("virtual", false);
        w.WriteBoolean("buyoutPort", false);
        w.WriteString("rateType", "MONTHLY"); // an extra field clients must ignore
        WriteLocationDetail(w, p.LocationId);
    }

    private void WriteInterface(Utf8JsonWriter w, PortLikeService p)
    {
        var loc = state.LocationsById.GetValueOrDefault(p.LocationId);
        w.WriteStartObject("interface");
        w.WriteString("demarcation", loc is null ? "" : $"{loc.Name}\n{loc.Street}\nType: Single-mode Fibre Pair\nTermination: LC connector\n");
        w.WriteString("description", "");
        w.WriteNumber("id", p.ProductId);
        w.WriteString("loa_template", "megaport");
        w.WriteString("media", p.Speed >= 100000 ? "LR4" : p.Speed >= 10000 ? "LR" : "LX");
        w.WriteString("name", p.Name);
        w.WriteNumber("port_speed", p.Speed);
        w.WriteString("resource_name", "interface");
        w.WriteString("resource_type", "interface");
        w.WriteNumber("up", p.Status == ProvisioningStatus.Live ? 1 : 0);
        w.WriteEndObject();
    }

    private void WriteAssociations(Utf8JsonWriter w, PortLikeService p)
    {
        w.WriteStartArray("associatedVxcs");
        foreach (var s in state.AttachedTo(p.Uid))
            if (s is VxcService v) WriteVxc(w, v);
        w.WriteEndArray();
        w.WriteStartArray("associatedIxs");
        foreach (var s in state.AttachedTo(p.Uid))
            if (s is IxService ix) WriteIx(w, ix);
        w.WriteEndArray();
    }

    public void WritePort(Utf8JsonWriter w, PortLikeService p)
    {
        w.WriteStartObject();
        WritePortFields(w, p, camelVxcPermitted: false);
        w.WriteNull("attributeTags");
        if (p is MegadirectService) w.WriteString("connectType", "MEGADIRECT");
        w.WriteStartObject("resources");
        WriteInterface(w, p);
        w.WriteEndObject();
        WriteAssociations(w, p);
        w.WriteEndObject();
    }

    public void WriteMcr(Utf8JsonWriter w, McrService m)
    {
        w.WriteStartObject();
        WritePortFields(w, m, camelVxcPermitted: true);
        w.WriteStartObject("attributeTags");
        w.WriteEndObject();
        w.WriteString("connectType", "VROUTER");
        w.WriteStartObject("resources");
        WriteInterface(w, m);
        w.WriteStartObject("virtual_router");
        w.WriteNumber("id", m.ProductId);
        w.WriteNumber("mcrAsn", m.Asn);
        w.WriteString("name", m.Name);
        w.WriteString("resource_name", "virtual_router");
        w.WriteString("resource_type", "virtual_router");
        w.WriteNumber("speed", m.Speed);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("addOns");
        foreach (var a in m.AddOns)
        {
            w.WriteStartObject();
            w.WriteString("productUid", m.Uid);
            w.WriteString("addOnUid", a.AddOnUid);
            w.WriteString("addOnType", a.AddOnType);
            w.WriteNumber("tunnelCount", a.TunnelCount);
            w.WriteNumber("packCount", a.PackCount);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteAssociations(w, m);
        w.WriteEndObject();
    }

    public void WriteMve(Utf8JsonWriter w, MveService m)
    {
        w.WriteStartObject();
        WritePortFields(w, m, camelVxcPermitted: true);
        w.WriteStartObject("attributeTags");
        w.WriteEndObject();
        w.WriteString("vendor", m.Vendor);
        w.WriteString("mveSize", m.ProductSize);
        w.WriteStringOrNull("mveLabel", m.MveLabel);
        w.WriteString("connectType", "MVE");
        w.WriteBoolean("up", m.Status == ProvisioningStatus.Live);
        w.WriteStartArray("vnics");
        foreach (var n in m.Vnics) WriteVnic(w, n);
        w.WriteEndArray();
        w.WriteStartObject("resources");
        WriteInterface(w, m);
        w.WriteStartArray("virtual_machine");
        w.WriteStartObject();
        w.WriteNumber("cpu_count", m.CpuCount);
        w.WriteNumber("id", m.ProductId);
        w.WriteStartObject("image");
        w.WriteNumber("id", m.ImageId);
        w.WriteString("vendor", m.Vendor);
        w.WriteString("product", m.ImageProduct);
        w.WriteString("version", m.ImageVersion);
        w.WriteEndObject();
        w.WriteString("resource_type", "virtual_machine");
        w.WriteBoolean("up", m.Status == ProvisioningStatus.Live);
        w.WriteStartArray("vnics");
        foreach (var n in m.Vnics) WriteVnic(w, n);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        WriteAssociations(w, m);
        w.WriteEndObject();

        static void WriteVnic(Utf8JsonWriter w, MveVnic n)
        {
            w.WriteStartObject();
            w.WriteNumber("vlan", n.Vlan);
            w.WriteString("description", n.Description);
            w.WriteEndObject();
        }
    }

    public static string UsageAlgorithmFor(string distanceBand) =>
        distanceBand == "METRO" ? "POST_PAID_HOURLY_SPEED_METRO_VXC" : "POST_PAID_HOURLY_SPEED_LONG_HAUL_VXC";

    public void WriteVxc(Utf8JsonWriter w, VxcService v)
    {
        w.WriteStartObject();
        w.WriteNumber("productId", v.ProductId);
        w.WriteString("productUid", v.Uid);
        w.WriteNumber("nServiceId", v.ProductId);
        w.WriteString("productName", v.Name);
        w.WriteString("productType", v.ProductTypeLabel);
        w.WriteNumber("rateLimit", v.RateLimit);
        w.WriteString("distanceBand", v.DistanceBand);
        w.WriteString("provisioningStatus", v.Status);
        WriteEnd(w, "aEnd", v.A);
        WriteEnd(w, "bEnd", v.B);
        w.WriteStringOrNull("secondaryName", v.SecondaryName);
        w.WriteString("usageAlgorithm", UsageAlgorithmFor(v.DistanceBand));
        w.WriteString("createdBy", v.CreatedBy);
        w.WriteNumberOrNull("liveDate", v.LiveDate);
        w.WriteNumber("createDate", v.CreateDate);
        w.WriteNumberOrNull("terminateDate", v.TerminateDate);
        w.WriteStartObject("resources");
        WriteVxcResources(w, v);
        w.WriteEndObject();
        w.WriteStartObject("vxcApproval");
        w.WriteStringOrNull("status", v.Approval?.Status);
        w.WriteStringOrNull("message", v.Approval?.Message);
        w.WriteStringOrNull("uid", v.Approval?.Uid);
        w.WriteStringOrNull("type", v.Approval?.Type);
        w.WriteNumberOrNull("newSpeed", v.Approval?.NewSpeed);
        w.WriteEndObject();
        w.WriteBoolean("shutdown", v.Shutdown);
        w.WriteBoolean("up", v.Status == ProvisioningStatus.Live && !v.Shutdown);
        WriteContract(w, v);
        w.WriteStartObject("attributeTags");
        w.WriteEndObject();
        w.WriteString("rateType", "MONTHLY");
        w.WriteEndObject();
    }

    private void WriteEnd(Utf8JsonWriter w, string name, VxcEnd end)
    {
        w.WriteStartObject(name);
        int locationId = 0;
        string? zone = null;
        if (state.Services.TryGetValue(end.ProductUid, out var s) && s is PortLikeService p)
        {
            w.WriteString("ownerUid", p.Company.Uid);
            w.WriteString("productUid", p.Uid);
            w.WriteString("productName", p.Name);
            locationId = p.LocationId;
            zone = p.DiversityZone;
        }
        else if (state.PartnersByUid.TryGetValue(end.ProductUid, out var pp))
        {
            w.WriteString("ownerUid", pp.Company.Uid);
            w.WriteString("productUid", pp.ProductUid);
            w.WriteString("productName", pp.Title);
            locationId = pp.LocationId;
            zone = pp.DiversityZone;
        }
        else
        {
            w.WriteNull("ownerUid");
            w.WriteString("productUid", end.ProductUid);
            w.WriteNull("productName");
        }
        w.WriteNumber("locationId", locationId);
        w.WriteStringOrNull("location", state.LocationsById.GetValueOrDefault(locationId)?.Name);
        w.WriteNumber("vlan", end.Vlan);
        w.WriteNumberOrNull("innerVlan", end.InnerVlan);
        w.WriteNumberOrNull("vNicIndex", end.VNicIndex);
        w.WriteNull("secondaryName");
        if (zone is null) w.WriteNull("diversityZone"); else w.WriteString("diversityZone", zone);
        WriteLocationDetail(w, locationId);
        w.WriteEndObject();
    }

    private void WriteVxcResources(Utf8JsonWriter w, VxcService v)
    {
        var aMcr = state.Services.GetValueOrDefault(v.A.ProductUid) as McrService;
        var bMcr = state.Services.GetValueOrDefault(v.B.ProductUid) as McrService;
        if (aMcr is not null || bMcr is not null)
        {
            var m = aMcr ?? bMcr!;
            w.WriteStartObject("virtual_router");
            w.WriteNumber("mcrAsn", m.Asn);
            w.WriteString("resource_name", aMcr is not null ? "a_virtual_router" : "b_virtual_router");
            w.WriteString("resource_type", "virtual_router");
            w.WriteNumber("speed", m.Speed);
            w.WriteBoolean("bgpShutdownDefault", false);
            w.WriteEndObject();
        }

        // A decommissioned VXC has no VLL left: the API sends an empty array instead of an object.
        if (v.Status == ProvisioningStatus.Decommissioned)
        {
            w.WriteStartArray("vll");
            w.WriteEndArray();
        }
        else
        {
            w.WriteStartObject("vll");
            w.WriteNumber("a_vlan", v.A.Vlan);
            w.WriteNumber("b_vlan", v.B.Vlan);
            w.WriteString("description", "");
            w.WriteNumber("id", v.ProductId);
            w.WriteString("name", v.Name);
            w.WriteNumber("rate_limit_mbps", v.RateLimit);
            w.WriteString("resource_name", "vll");
            w.WriteString("resource_type", "vll");
            w.WriteBoolean("shutdown", v.Shutdown);
            w.WriteNumber("up", v.Status == ProvisioningStatus.Live && !v.Shutdown ? 1 : 0);
            w.WriteEndObject();
        }

        var writers = new List<Action<Utf8JsonWriter>>(2);
        if (aMcr is not null) writers.Add(x => WriteVRouterCsp(x, v, aMcr, v.A, v.APartnerConfig, "a_csp_connection"));
        if (bMcr is not null) writers.Add(x => WriteVRouterCsp(x, v, bMcr, v.B, null, "b_csp_connection"));
        if (state.PartnersByUid.TryGetValue(v.B.ProductUid, out var partner) && partner.ConnectType != "DEFAULT")
            writers.Add(x => WriteCloudCsp(x, v, partner));
        if (writers.Count == 0) return;
        w.WritePropertyName("csp_connection");
        // One connection is an object, several are an array — and some single ones arrive as an array too.
        if (writers.Count == 1 && !v.CspAsArray) writers[0](w);
        else
        {
            w.WriteStartArray();
            foreach (var write in writers) write(w);
            w.WriteEndArray();
        }
    }

    private static string? Str(JsonObject? o, string key) =>
        o?[key] is JsonValue jv ? (jv.TryGetValue<string>(out var s) ? s : jv.ToJsonString()) : null;

    private static long Int(JsonObject? o, string key) =>
        o?[key] is JsonValue jv && (jv.TryGetValue<long>(out var i) || (jv.TryGetValue<string>(out var s) && long.TryParse(s, out i))) ? i : 0;

    private void WriteVRouterCsp(Utf8JsonWriter w, VxcService v, McrService mcr, VxcEnd end, JsonObject? config, string resourceName)
    {
        w.WriteStartObject();
        w.WriteString("connectType", "VROUTER");
        w.WriteString("resource_name", resourceName);
        w.WriteString("resource_type", "csp_connection");
        w.WriteNumber("vlan", end.Vlan);
        w.WriteString("virtualRouterName", mcr.Name);
        var ips = new List<string>();
        w.WriteStartArray("interfaces");
        if (config?["interfaces"] is JsonArray interfaces)
        {
            foreach (var node in interfaces)
            {
                if (node is not JsonObject i) continue;
                w.WriteStartObject();
                w.WritePropertyName("ipAddresses");
                if (i["ipAddresses"] is JsonArray addrs)
                {
                    addrs.WriteTo(w);
                    ips.AddRange(addrs.Select(a => a?.GetValue<string>() ?? "").Where(a => a.Length > 0));
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
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteStringArray("ip_addresses", ips);
        w.WriteEndObject();
    }

    private void WriteCloudCsp(Utf8JsonWriter w, VxcService v, PartnerPort partner)
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
                WriteCspPorts(w, partner, v, "PORT");
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
                WriteCspMegaports(w, partner, v);
                WriteCspPorts(w, partner, v, null);
                w.WriteString("csp_name", "GOOGLE");
                w.WriteString("pairingKey", Str(c, "pairingKey") ?? "");
                break;
            case "ORACLE":
                w.WriteString("csp_name", "ORACLE");
                w.WriteNumber("bandwidth", v.RateLimit);
                WriteCspMegaports(w, partner, v);
                WriteCspPorts(w, partner, v, null);
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

    private static void WriteCspMegaports(Utf8JsonWriter w, PartnerPort partner, VxcService v)
    {
        w.WriteStartArray("megaports");
        w.WriteStartObject();
        w.WriteNumber("port", partner.ProductId);
        w.WriteNumber("vxc", v.ProductId);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteCspPorts(Utf8JsonWriter w, PartnerPort partner, VxcService v, string? type)
    {
        w.WriteStartArray("ports");
        w.WriteStartObject();
        w.WriteNumber("service_id", partner.ProductId);
        if (type is not null) w.WriteString("type", type);
        w.WriteIntArray("vxc_service_ids", [v.ProductId]);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    public void WriteIx(Utf8JsonWriter w, IxService ix)
    {
        var port = state.Services.GetValueOrDefault(ix.PortUid) as PortLikeService;
        var locationId = port?.LocationId ?? 0;
        w.WriteStartObject();
        w.WriteNumber("productId", ix.ProductId);
        w.WriteString("productUid", ix.Uid);
        w.WriteString("productName", ix.Name);
        w.WriteString("productType", ix.ProductTypeLabel);
        w.WriteString("provisioningStatus", ix.Status);
        w.WriteNumber("locationId", locationId);
        WriteLocationDetail(w, locationId);
        w.WriteNull("locationUid");
        w.WriteNumber("term", ix.Term);
        w.WriteNumber("rateLimit", ix.RateLimit);
        w.WriteStringOrNull("promoCode", ix.PromoCode);
        w.WriteNumber("createDate", ix.CreateDate);
        w.WriteNumberOrNull("deployDate", ix.LiveDate);
        w.WriteNumberOrNull("terminateDate", ix.TerminateDate);
        w.WriteStringOrNull("secondaryName", ix.SecondaryName);
        w.WriteStartObject("attributeTags");
        w.WriteEndObject();
        w.WriteNumber("vlan", ix.Vlan);
        w.WriteString("macAddress", ix.MacAddress);
        w.WriteString("ixPeerMacro", $"AS{ix.Asn}");
        w.WriteNumber("asn", ix.Asn);
        w.WriteString("networkServiceType", ix.NetworkServiceType);
        w.WriteBoolean("publicGraph", ix.PublicGraph);
        w.WriteString("usageAlgorithm", "POST_PAID_HOURLY_SPEED_IX");
        w.WriteBoolean("shutdown", ix.Shutdown);
        w.WriteString("aEndProductUid", ix.PortUid);
        WriteContract(w, ix);
        w.WriteStartObject("resources");
        if (port is not null) WriteInterface(w, port);
        var ixp = Seed.Catalogue.Ixps.FirstOrDefault(x => x.Name == ix.NetworkServiceType);
        w.WriteStartArray("bgp_connection");
        w.WriteStartObject();
        w.WriteNumber("asn", ix.Asn);
        w.WriteNumber("customer_asn", ix.Asn);
        w.WriteString("customer_ip_address", ix.Ipv4Address);
        w.WriteNumber("isp_asn", ixp?.Asn ?? 7594);
        w.WriteString("isp_ip_address", ixp is null ? "" : ixp.Ipv4Network.Split('/')[0]);
        w.WriteString("ix_peer_policy", "open");
        w.WriteNumber("max_prefixes", 1000);
        w.WriteString("resource_name", "rs1_ipv4_bgp_connection");
        w.WriteString("resource_type", "bgp_connection");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("ip_address");
        WriteIp(w, ix.Ipv4Address, 4, ix.ReverseDns);
        WriteIp(w, ix.Ipv6Address, 6, ix.ReverseDns);
        w.WriteEndArray();
        w.WriteStartObject("vpls_interface");
        w.WriteString("mac_address", ix.MacAddress);
        w.WriteNumber("rate_limit_mbps", ix.RateLimit);
        w.WriteString("resource_name", "vpls_interface");
        w.WriteString("resource_type", "vpls_interface");
        w.WriteNumber("vlan", ix.Vlan);
        w.WriteBoolean("shutdown", ix.Shutdown);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        static void WriteIp(Utf8JsonWriter w, string address, int version, string? rdns)
        {
            w.WriteStartObject();
            w.WriteString("address", address);
            w.WriteString("resource_name", version == 4 ? "ipv4_address" : "ipv6_address");
            w.WriteString("resource_type", "ip_address");
            w.WriteNumber("version", version);
            w.WriteString("reverse_dns", rdns ?? "");
            w.WriteEndObject();
        }
    }

    public static void WriteLocationV3(Utf8JsonWriter w, Location l)
    {
        w.WriteStartObject();
        w.WriteNumber("id", l.Id);
        w.WriteString("name", l.Name);
        w.WriteStartObject("address");
        w.WriteString("street", l.Street);
        w.WriteString("suburb", l.Suburb);
        w.WriteString("city", l.City);
        w.WriteString("state", l.State);
        w.WriteString("postcode", l.Postcode);
        w.WriteString("country", l.Country);
        w.WriteEndObject();
        w.WriteStartObject("dataCentre");
        w.WriteNumber("id", l.DataCentreId);
        w.WriteString("name", l.DataCentreName);
        w.WriteEndObject();
        w.WriteString("metro", l.Metro);
        w.WriteString("market", l.Market);
        w.WriteString("status", l.Status);
        w.WriteNumber("longitude", l.Longitude);
        w.WriteNumber("latitude", l.Latitude);
        w.WriteStringOrNull("orderingMessage", l.OrderingMessage);
        w.WriteStartObject("diversityZones");
        foreach (var (name, z) in l.Zones())
        {
            w.WriteStartObject(name);
            w.WriteIntArray("mcrSpeedMbps", z.McrSpeeds);
            w.WriteIntArray("megaportSpeedMbps", z.PortSpeeds);
            w.WriteNumberOrNull("mveMaxCpuCoreCount", z.MveMaxCpuCoreCount);
            w.WriteBoolean("mveAvailable", z.MveAvailable);
            w.WriteIntArray("natGatewaySpeedMbps", z.NatGatewaySpeeds);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("productAddOns");
        w.WriteStartObject("crossConnect");
        w.WriteBoolean("available", l.CrossConnectAvailable);
        w.WriteStringOrNull("type", l.CrossConnectAvailable ? "STANDARD" : null);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WritePartner(Utf8JsonWriter w, PartnerPort p)
    {
        w.WriteStartObject();
        w.WriteString("productUid", p.ProductUid);
        w.WriteString("companyUid", p.Company.Uid);
        w.WriteString("companyName", p.Company.Name);
        w.WriteString("title", p.Title);
        w.WriteNumber("locationId", p.LocationId);
        w.WriteNumber("speed", p.Speed);
        w.WriteNumber("maxVxcSpeed", p.MaxVxcSpeed);
        w.WriteNumber("rank", p.Rank);
        w.WriteBoolean("vxcPermitted", p.VxcPermitted);
        if (p.DiversityZone is null) w.WriteNull("diversityZone"); else w.WriteString("diversityZone", p.DiversityZone);
        w.WriteString("connectType", p.ConnectType);
        w.WriteEndObject();
    }
}
