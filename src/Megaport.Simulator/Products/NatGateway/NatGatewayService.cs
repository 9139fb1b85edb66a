using System.Globalization;
using System.Text.Json;
using Megaport.Simulator.Http;

namespace Megaport.Simulator.Products;

/// <summary>One rule of a packet filter; rules are evaluated in order and the first match decides.</summary>
public sealed class NatPacketFilterEntry
{
    public string Action { get; set; } = "permit";
    public string? Description { get; set; }
    public string SourceAddress { get; set; } = "";
    public string DestinationAddress { get; set; } = "";
    public string? SourcePorts { get; set; }
    public string? DestinationPorts { get; set; }
    public int? IpProtocol { get; set; }
}

public sealed class NatPacketFilter
{
    public int Id { get; set; }
    public string Description { get; set; } = "";
    public List<NatPacketFilterEntry> Entries { get; set; } = new();
}

/// <summary>A diagnostics request: its routes are answered once <see cref="ReadyAtMs"/> has passed.</summary>
public sealed class NatDiagnosticsOperation
{
    public string Id { get; set; } = "";
    /// <summary>ip, bgp or neighbor.</summary>
    public string Kind { get; set; } = "ip";
    public string? IpAddress { get; set; }
    public string? Direction { get; set; }
    public long RequestedAtMs { get; set; }
    public long ReadyAtMs { get; set; }
}

/// <summary>
/// A NAT gateway: created as a free DESIGN (<c>POST /v3/products/nat_gateways</c>), priced and bought by UID
/// (<c>/v3/networkdesign/validate</c>, <c>/v3/networkdesign/buy</c>), then provisioned like any service. It routes, so a
/// VXC on it carries vRouter interfaces; its packet filters and prefix lists are its own sub-resources.
/// </summary>
public sealed class NatGatewayService : PortLikeService, IVirtualRouter
{
    public const string Design = "DESIGN";
    public const long DefaultAsn = 133937;

    public int SessionCount { get; set; }
    public long Asn { get; set; } = DefaultAsn;
    public bool BgpShutdownDefault { get; set; }
    public bool AutoRenewTerm { get; set; }
    public string? ServiceLevelReference { get; set; }
    public string OrderApprovalStatus { get; set; } = "APPROVED";
    public List<NatPacketFilter> PacketFilters { get; set; } = new();
    public List<PrefixList> PrefixLists { get; set; } = new();
    public int NextListId { get; set; } = 1;
    public List<NatDiagnosticsOperation> Operations { get; set; } = new();
    /// <summary>When diagnostics were asked for (epoch ms), for the rate limit.</summary>
    public List<long> DiagnosticsRequests { get; set; } = new();

    public override bool IsDesign => Status == Design;
    public override bool VxcEndsMovable => false;

    public int TakeListId() => NextListId++;

    public PrefixList? FindPrefixList(int id) => PrefixLists.FirstOrDefault(l => l.Id == id);
    /// <summary>A NAT gateway carries no IPsec tunnels.</summary>
    public int IpsecTunnelLimit => 0;
    /// <summary>The gateway manages its NAT addresses itself; its VXC interfaces name its packet filters by id.</summary>
    public bool TakesNatAddresses => false;
    public IReadOnlyCollection<int>? PacketFilterIds => PacketFilters.Select(p => p.Id).ToList();

    public static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteIsoOrNull(Utf8JsonWriter w, string name, long? ms)
    {
        if (ms is long v) w.WriteString(name, Iso(v)); else w.WriteNull(name);
    }

    /// <summary>As <c>/v2/products</c> and <c>/v2/product/{uid}</c> list it: the NAT gateway fields plus the common product ones.</summary>
    public static void Write(ProductJson json, Utf8JsonWriter w, NatGatewayService n) => WriteGateway(json, w, n, productList: true);

    /// <summary>
    /// The gateway as its own endpoints send it: dates as ISO-8601 text, <c>speed</c> and <c>config</c>, no productType.
    /// <paramref name="productList"/> adds what the product reads carry (type, id, company, location, attached VXCs).
    /// </summary>
    public static void WriteGateway(ProductJson json, Utf8JsonWriter w, NatGatewayService n, bool productList)
    {
        w.WriteStartObject();
        if (productList)
        {
            w.WriteNumber("productId", n.ProductId);
            w.WriteString("productType", n.ProductTypeLabel);
            w.WriteString("companyUid", n.Company.Uid);
            w.WriteString("companyName", n.Company.Name);
            w.WriteString("costCentre", n.CostCentre);
            w.WriteString("market", n.Market);
            WriteIsoOrNull(w, "liveDate", n.LiveDate);
            json.WriteLocationDetail(w, n.LocationId);
        }
        w.WriteBoolean("adminLocked", n.AdminLocked);
        w.WriteBoolean("autoRenewTerm", n.AutoRenewTerm);
        w.WriteStartObject("config");
        w.WriteNumber("asn", n.Asn);
        w.WriteBoolean("bgpShutdownDefault", n.BgpShutdownDefault);
        w.WriteStringOrNull("diversityZone", n.DiversityZone);
        w.WriteNumber("sessionCount", n.SessionCount);
        w.WriteEndObject();
        WriteIsoOrNull(w, "contractEndDate", n.ContractEndDate);
        w.WriteString("createDate", Iso(n.CreateDate));
        w.WriteString("createdBy", n.CreatedBy);
        w.WriteNumber("locationId", n.LocationId);
        w.WriteBoolean("locked", n.Locked);
        w.WriteString("orderApprovalStatus", n.OrderApprovalStatus);
        w.WriteString("productName", n.Name);
        w.WriteString("productUid", n.Uid);
        w.WriteStringOrNull("promoCode", n.PromoCode);
        w.WriteString("provisioningStatus", n.Status);
        w.WriteStartArray("resourceTags");
        foreach (var t in n.Tags)
        {
            w.WriteStartObject();
            w.WriteString("key", t.Key);
            w.WriteString("value", t.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStringOrNull("serviceLevelReference", n.ServiceLevelReference);
        w.WriteNumber("speed", n.Speed);
        w.WriteNumber("term", n.Term);
        if (productList) json.WriteAttached(w, n.Uid);
        w.WriteEndObject();
    }

    /// <summary>The buy answer of one gateway (<c>createDate</c> in epoch ms here, as the API sends it).</summary>
    public static void WriteBuyAnswer(Utf8JsonWriter w, NatGatewayService n)
    {
        w.WriteStartObject();
        w.WriteString("uid", n.Uid);
        w.WriteString("name", n.Name);
        w.WriteString("serviceName", n.Name);
        w.WriteString("productType", n.ProductTypeLabel);
        w.WriteString("provisioningStatus", n.Status);
        w.WriteNumber("rateLimit", n.Speed);
        w.WriteNumber("aLocationId", n.LocationId);
        w.WriteNumber("contractTermMonths", n.Term);
        w.WriteNumber("createDate", n.CreateDate);
        w.WriteEndObject();
    }

    public static void WritePacketFilter(Utf8JsonWriter w, NatPacketFilter p)
    {
        w.WriteStartObject();
        w.WriteNumber("id", p.Id);
        w.WriteString("description", p.Description);
        w.WriteStartArray("entries");
        foreach (var e in p.Entries)
        {
            w.WriteStartObject();
            w.WriteString("action", e.Action);
            if (e.Description is not null) w.WriteString("description", e.Description);
            w.WriteString("sourceAddress", e.SourceAddress);
            w.WriteString("destinationAddress", e.DestinationAddress);
            if (e.SourcePorts is not null) w.WriteString("sourcePorts", e.SourcePorts);
            if (e.DestinationPorts is not null) w.WriteString("destinationPorts", e.DestinationPorts);
            if (e.IpProtocol is int proto) w.WriteNumber("ipProtocol", proto);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
