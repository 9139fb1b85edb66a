using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Products;

/// <summary>An Internet Exchange connection on one of the account's ports.</summary>
public sealed class IxService : Service
{
    public required string PortUid { get; set; }
    public required string NetworkServiceType { get; set; }
    public long Asn { get; set; }
    public string MacAddress { get; set; } = "";
    public int RateLimit { get; set; }
    public int Vlan { get; set; }
    public bool Shutdown { get; set; }
    public string? Password { get; set; }
    public bool PublicGraph { get; set; } = true;
    public string? ReverseDns { get; set; }
    public string Ipv4Address { get; set; } = "";
    public string Ipv6Address { get; set; } = "";

    public override IEnumerable<string> AttachedTo => [PortUid];
    public override IEnumerable<int> VlansOn(string productUid) => [Vlan];

    public static void Write(ProductJson json, Utf8JsonWriter w, IxService ix)
    {
        var port = json.State.Services.GetValueOrDefault(ix.PortUid) as PortLikeService;
        var locationId = port?.LocationId ?? 0;
        w.WriteStartObject();
        w.WriteNumber("productId", ix.ProductId);
        w.WriteString("productUid", ix.Uid);
        w.WriteString("productName", ix.Name);
        w.WriteString("productType", ix.ProductTypeLabel);
        w.WriteString("provisioningStatus", ix.Status);
        w.WriteNumber("locationId", locationId);
        json.WriteLocationDetail(w, locationId);
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
        json.WriteContract(w, ix);
        w.WriteStartObject("resources");
        if (port is not null) PortLikeJson.WriteInterface(json, w, port, shutdown: ix.Shutdown);
        var ixp = Catalogue.Ixps.FirstOrDefault(x => x.Name == ix.NetworkServiceType);
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
}
