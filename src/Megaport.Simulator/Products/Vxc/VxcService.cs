using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Products;

public sealed class VxcEnd
{
    public required string ProductUid { get; set; }
    public int Vlan { get; set; }
    public int? InnerVlan { get; set; }
    public int? VNicIndex { get; set; }
}

public sealed class VxcApproval
{
    public string Status { get; set; } = "PENDING_EXTERNAL";
    public string Message { get; set; } = "";
    public required string Uid { get; init; }
    public string Type { get; set; } = "NEW";
    public int? NewSpeed { get; set; }
}

/// <summary>A virtual cross connect between an own product (A-End) and an own product or a partner port (B-End).</summary>
public sealed class VxcService : Service
{
    public required VxcEnd A { get; set; }
    public required VxcEnd B { get; set; }
    public int RateLimit { get; set; }
    public bool Shutdown { get; set; }
    public string DistanceBand { get; set; } = "METRO";
    /// <summary>Partner configuration sent with the order (B-End CSP config, A-End vRouter config).</summary>
    public JsonObject? BPartnerConfig { get; set; }
    public JsonObject? APartnerConfig { get; set; }
    public VxcApproval? Approval { get; set; }
    /// <summary>Quirk switch: render <c>resources.csp_connection</c> as an array even with one entry.</summary>
    public bool CspAsArray { get; set; }
    public string? ServiceKey { get; set; }
    /// <summary>Stable cloud-side ids shown in csp_connection (VIF id, connection id).</summary>
    public string CloudResourceId { get; set; } = "";

    public bool IsPendingApproval => Approval?.Status.StartsWith("PENDING", StringComparison.Ordinal) == true;

    public override IEnumerable<string> AttachedTo
    {
        get
        {
            yield return A.ProductUid;
            if (!string.Equals(A.ProductUid, B.ProductUid, StringComparison.OrdinalIgnoreCase)) yield return B.ProductUid;
        }
    }

    public override IEnumerable<int> VlansOn(string productUid)
    {
        if (string.Equals(A.ProductUid, productUid, StringComparison.OrdinalIgnoreCase)) yield return A.Vlan;
        if (string.Equals(B.ProductUid, productUid, StringComparison.OrdinalIgnoreCase)) yield return B.Vlan;
    }

    public override void OnStatusForced(string status)
    {
        if (status != ProvisioningStatus.Deployable) Approval = null;
    }

    public static string UsageAlgorithmFor(string distanceBand) =>
        distanceBand == "METRO" ? "POST_PAID_HOURLY_SPEED_METRO_VXC" : "POST_PAID_HOURLY_SPEED_LONG_HAUL_VXC";

    public static void Write(ProductJson json, Utf8JsonWriter w, VxcService v)
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
        WriteEnd(json, w, "aEnd", v.A);
        WriteEnd(json, w, "bEnd", v.B);
        w.WriteStringOrNull("secondaryName", v.SecondaryName);
        w.WriteString("usageAlgorithm", UsageAlgorithmFor(v.DistanceBand));
        w.WriteString("createdBy", v.CreatedBy);
        w.WriteNumberOrNull("liveDate", v.LiveDate);
        w.WriteNumber("createDate", v.CreateDate);
        w.WriteNumberOrNull("terminateDate", v.TerminateDate);
        w.WriteStartObject("resources");
        WriteResources(json, w, v);
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
        json.WriteContract(w, v);
        w.WriteStartObject("attributeTags");
        w.WriteEndObject();
        w.WriteString("rateType", "MONTHLY");
        w.WriteEndObject();
    }

    private static void WriteEnd(ProductJson json, Utf8JsonWriter w, string name, VxcEnd end)
    {
        var state = json.State;
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
        json.WriteLocationDetail(w, locationId);
        w.WriteEndObject();
    }

    private static void WriteResources(ProductJson json, Utf8JsonWriter w, VxcService v)
    {
        var state = json.State;
        // The interfaces of the account's own products at either end (a partner port's are not shown).
        w.WriteStartArray("interface");
        foreach (var uid in v.AttachedTo)
            if (state.Services.GetValueOrDefault(uid) is PortLikeService end) PortLikeJson.WriteInterfaceValue(json, w, end);
        w.WriteEndArray();

        var aRouter = state.Services.GetValueOrDefault(v.A.ProductUid) as IVirtualRouter;
        var bRouter = state.Services.GetValueOrDefault(v.B.ProductUid) as IVirtualRouter;
        if (aRouter is not null || bRouter is not null)
        {
            var m = aRouter ?? bRouter!;
            w.WriteStartObject("virtual_router");
            w.WriteNumber("mcrAsn", m.Asn);
            w.WriteString("resource_name", aRouter is not null ? "a_virtual_router" : "b_virtual_router");
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
        if (aRouter is not null) writers.Add(x => VxcCsp.WriteVRouter(x, aRouter, v.A, v.APartnerConfig, "a_csp_connection"));
        if (bRouter is not null) writers.Add(x => VxcCsp.WriteVRouter(x, bRouter, v.B, v.BPartnerConfig, "b_csp_connection"));
        if (state.PartnersByUid.TryGetValue(v.B.ProductUid, out var partner) && partner.ConnectType != "DEFAULT")
            writers.Add(x => VxcCsp.WriteCloud(x, v, partner));
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
}

/// <summary>Approval by the other party: a VXC to another company's marketplace port or on a key that is not pre-approved.</summary>
public static class VxcApprovals
{
    /// <summary>Marks a new VXC as waiting for the other party; it stays DEPLOYABLE until approved.</summary>
    public static void Hold(SimulatorState state, VxcService v, string message)
    {
        v.Approval = new VxcApproval { Uid = Guid.NewGuid().ToString(), Status = "PENDING_EXTERNAL", Message = message, Type = "NEW" };
        state.StopProvisioning(v);
        v.Status = ProvisioningStatus.Deployable;
    }

    public static void Approve(SimulatorState state, VxcService v)
    {
        v.Approval = null;
        state.StartProvisioning(v);
    }

    /// <summary>A rejected order never goes live; it ends up decommissioned.</summary>
    public static void Reject(SimulatorState state, VxcService v)
    {
        v.Approval = null;
        Lifecycle.Decommission(state, v);
    }
}
