using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Products;

/// <summary>
/// Anything that sits at a location and is a row of <c>/v2/products</c>: ports, MCRs, MVEs, MegaDirect.
/// The virtual members say how VXCs may use it, so VXC rules need not know the kinds.
/// </summary>
public abstract class PortLikeService : Service
{
    public required int LocationId { get; init; }
    public int Speed { get; set; }
    /// <summary>"red", "blue", "" or null — the API sends all of these.</summary>
    public string? DiversityZone { get; set; }
    public bool MarketplaceVisibility { get; set; }
    public bool VxcAutoApproval { get; set; }
    public string Market { get; init; } = "";
    public string UsageAlgorithm { get; set; } = "POST_PAID_FIXED";

    /// <summary>Whether a VXC may end here.</summary>
    public virtual bool TerminatesVxcs => true;

    /// <summary>Whether a VXC end may move onto or off it (the API refuses it for virtual products).</summary>
    public virtual bool VxcEndsMovable => true;

    /// <summary>Whether both ends of one VXC may be this same product.</summary>
    public virtual bool VxcMayLoop => false;

    /// <summary>vNICs a VXC end picks by index; null when it has none. With vNICs, VLANs are per vNIC and not tracked.</summary>
    public virtual int? VnicCount => null;

    public bool TracksVlans => VnicCount is null;

    /// <summary>The speed a VXC may use here.</summary>
    public virtual int VxcCapacity(SimulatorState state) => Speed;
}

/// <summary>A product that routes (MCR, NAT gateway): VXCs on it may carry vRouter configuration and show its ASN.</summary>
public interface IVirtualRouter
{
    string Uid { get; }
    string Name { get; }
    int Speed { get; }
    long Asn { get; }
    /// <summary>The kind's registration, for its word in messages.</summary>
    ProductKind Descriptor { get; }
    /// <summary>The prefix filter list of this router a BGP session names, or null.</summary>
    PrefixList? FindPrefixList(int id);
    /// <summary>How many IPsec tunnels its VXC ends may carry in all (0: none).</summary>
    int IpsecTunnelLimit { get; }
    /// <summary>Whether its interfaces may carry natIpAddresses (a NAT gateway manages its own).</summary>
    bool TakesNatAddresses { get; }
    /// <summary>The packet filters its interfaces may name in packetFilterIn/Out; null when it has none (the fields are refused).</summary>
    IReadOnlyCollection<int>? PacketFilterIds { get; }
}

/// <summary>The LAG fields every port-like product carries (zero/false outside a LAG).</summary>
public readonly record struct LagFields(bool Primary, int LagId, int AggregationId)
{
    public bool IsMember => AggregationId != 0;
}

/// <summary>JSON parts shared by port-like products.</summary>
public static class PortLikeJson
{
    /// <summary>The fields every port-like product starts with; ports say "vxcpermitted", MCR/MVE "vxcPermitted".</summary>
    public static void WriteFields(ProductJson json, Utf8JsonWriter w, PortLikeService p, bool camelVxcPermitted, LagFields lag = default)
    {
        json.WriteCommonHead(w, p);
        w.WriteNumber("portSpeed", p.Speed);
        w.WriteNumberOrNull("terminateDate", p.TerminateDate);
        w.WriteNumberOrNull("liveDate", p.LiveDate);
        w.WriteString("market", p.Market);
        w.WriteNumber("locationId", p.LocationId);
        w.WriteString("usageAlgorithm", p.UsageAlgorithm);
        w.WriteBoolean("marketplaceVisibility", p.MarketplaceVisibility);
        w.WriteBoolean(camelVxcPermitted ? "vxcPermitted" : "vxcpermitted", true);
        w.WriteBoolean("vxcAutoApproval", p.VxcAutoApproval);
        w.WriteStringOrNull("secondaryName", p.SecondaryName);
        w.WriteBoolean("lagPrimary", lag.Primary);
        w.WriteNumber("lagId", lag.LagId);
        w.WriteNumber("aggregationId", lag.AggregationId);
        json.WriteContract(w, p);
        if (p.DiversityZone is null) w.WriteNull("diversityZone"); else w.WriteString("diversityZone", p.DiversityZone);
        w.WriteBoolean("virtual", false);
        w.WriteBoolean("buyoutPort", false);
        w.WriteString("rateType", "MONTHLY"); // an extra field clients must ignore
        json.WriteLocationDetail(w, p.LocationId);
    }

    /// <summary>A physical port's shape (ports, MegaDirect): fields, interface resource and attached services.</summary>
    public static void WritePort(ProductJson json, Utf8JsonWriter w, PortLikeService p, LagFields lag, string? connectType)
    {
        w.WriteStartObject();
        WriteFields(json, w, p, camelVxcPermitted: false, lag);
        w.WriteNull("attributeTags");
        if (connectType is not null) w.WriteString("connectType", connectType);
        w.WriteStartObject("resources");
        WriteInterface(json, w, p);
        w.WriteEndObject();
        json.WriteAttached(w, p.Uid);
        w.WriteEndObject();
    }

    /// <summary><c>resources.interface</c>; an IX adds its own <paramref name="shutdown"/> state.</summary>
    public static void WriteInterface(ProductJson json, Utf8JsonWriter w, PortLikeService p, bool? shutdown = null)
    {
        w.WritePropertyName("interface");
        WriteInterfaceValue(json, w, p, shutdown);
    }

    /// <summary>The interface object alone (a VXC lists its ends' interfaces in an array).</summary>
    public static void WriteInterfaceValue(ProductJson json, Utf8JsonWriter w, PortLikeService p, bool? shutdown = null)
    {
        var loc = json.State.LocationsById.GetValueOrDefault(p.LocationId);
        w.WriteStartObject();
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
        if (shutdown is bool down) w.WriteBoolean("shutdown", down);
        w.WriteEndObject();
    }

    /// <summary>The "service record" the port, MCR and MVE PUT endpoints answer with.</summary>
    public static void WriteServiceRecord(Utf8JsonWriter w, PortLikeService p, LagFields lag = default)
    {
        w.WriteStartObject();
        w.WriteString("serviceName", p.Name);
        w.WriteString("name", p.Name);
        w.WriteStringOrNull("secondaryName", p.SecondaryName);
        w.WriteNumber("technicalServiceId", p.ProductId);
        w.WriteString("technicalServiceUid", p.Uid);
        w.WriteNumber("requestedDate", p.CreateDate);
        w.WriteNumberOrNull("configuredDate", p.LiveDate);
        w.WriteNull("currentEstimatedDelivery");
        w.WriteString("companyName", p.Company.Name);
        w.WriteNumber("companyId", p.Company.Id);
        w.WriteString("productType", p.ProductTypeLabel);
        w.WriteString("provisioningStatus", p.Status);
        w.WriteNull("failedReason");
        w.WriteStartArray("provisioningItems"); w.WriteEndArray();
        w.WriteStartArray("tags"); w.WriteEndArray();
        w.WriteBoolean("marketplaceVisibility", p.MarketplaceVisibility);
        w.WriteBoolean("vxcPermitted", true);
        w.WriteBoolean("vxcAutoApproval", p.VxcAutoApproval);
        w.WriteNumber("createDate", p.CreateDate);
        w.WriteNumberOrNull("terminationDate", p.TerminateDate);
        w.WriteNumberOrNull("contractStartDate", p.ContractStartDate);
        w.WriteNumber("contractTermMonths", p.Term);
        w.WriteString("rateType", "MONTHLY");
        w.WriteNumber("rateLimit", p.Speed);
        w.WriteString("costCentre", p.CostCentre);
        w.WriteString("market", p.Market);
        w.WriteNumberOrNull("lagId", lag.LagId > 0 ? lag.LagId : null);
        w.WriteNumberOrNull("aggregationId", lag.AggregationId > 0 ? lag.AggregationId : null);
        if (lag.IsMember) w.WriteBoolean("lagPrimary", lag.Primary); else w.WriteNull("lagPrimary");
        w.WriteStartObject("attributeTags"); w.WriteEndObject();
        w.WriteString("createdBy", p.CreatedBy);
        w.WriteBoolean("buyoutPort", false);
        w.WriteBoolean("virtual", false);
        w.WriteBoolean("locked", p.Locked);
        w.WriteBoolean("adminLocked", p.AdminLocked);
        w.WriteEndObject();
    }
}
