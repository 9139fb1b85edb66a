using System.Text.Json.Nodes;

namespace Megaport.Simulator.State;

public static class ProvisioningStatus
{
    public const string Deployable = "DEPLOYABLE";
    public const string Configured = "CONFIGURED";
    public const string Live = "LIVE";
    public const string Cancelled = "CANCELLED";
    public const string Decommissioned = "DECOMMISSIONED";
    public const string Failed = "FAILED";

    /// <summary>A service that still exists on the network (can carry VXCs, hold VLANs, be ordered against).</summary>
    public static bool IsActive(string status) => status is Deployable or Configured or Live;
}

public sealed record Company(int Id, string Uid, string Name);

/// <summary>Capabilities of one diversity zone (red/blue) at a location.</summary>
public sealed record Zone(int[] PortSpeeds, int[] McrSpeeds, bool MveAvailable, int? MveMaxCpuCoreCount, int[] NatGatewaySpeeds);

public sealed class Location
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Metro { get; init; }
    public required string Market { get; init; }
    public required string Street { get; init; }
    public required string Suburb { get; init; }
    public required string City { get; init; }
    public required string State { get; init; }
    public required string Postcode { get; init; }
    public required string Country { get; init; }
    public required int DataCentreId { get; init; }
    public required string DataCentreName { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public string Status { get; init; } = "Active";
    public string? OrderingMessage { get; init; }
    public Zone? Red { get; init; }
    public Zone? Blue { get; init; }
    public bool CrossConnectAvailable { get; init; }

    public bool IsActive => Status == "Active";

    public IEnumerable<(string Name, Zone Zone)> Zones()
    {
        if (Red is not null) yield return ("red", Red);
        if (Blue is not null) yield return ("blue", Blue);
    }

    public Zone? ZoneByName(string name) =>
        name.Equals("red", StringComparison.OrdinalIgnoreCase) ? Red :
        name.Equals("blue", StringComparison.OrdinalIgnoreCase) ? Blue : null;
}

/// <summary>A port of another company that appears in the marketplace list (CSPs, Megaport Internet, partners).</summary>
public sealed class PartnerPort
{
    public required string ProductUid { get; init; }
    public required int ProductId { get; init; }
    public required Company Company { get; init; }
    public required string Title { get; init; }
    public required int LocationId { get; init; }
    public required string ConnectType { get; init; }
    public int Speed { get; init; } = 10000;
    public int MaxVxcSpeed { get; init; } = 10000;
    public bool VxcPermitted { get; init; } = true;
    public string? DiversityZone { get; init; }
    public int Rank { get; init; }

    /// <summary>Cloud ports connect without approval; other companies' own (DEFAULT) ports must approve each VXC.</summary>
    public bool NeedsApproval => ConnectType == "DEFAULT";
}

public sealed record ResourceTag(string Key, string Value);

public abstract class Service
{
    public required string Uid { get; init; }
    public int ProductId { get; set; }
    public required string Name { get; set; }
    public string? SecondaryName { get; set; }
    /// <summary>Canonical type: MEGAPORT, VXC, IX, MCR2, MVE, MEGADIRECT.</summary>
    public abstract string Kind { get; }
    /// <summary>What <c>productType</c> renders as (the API is not consistent about case).</summary>
    public string? TypeLabel { get; set; }
    public string ProductTypeLabel => TypeLabel ?? Kind;

    public string Status { get; set; } = ProvisioningStatus.Live;
    /// <summary>Remembered by CANCEL so UN_CANCEL can restore it.</summary>
    public string? StatusBeforeCancel { get; set; }
    /// <summary>Set while the service walks DEPLOYABLE → CONFIGURED → LIVE (epoch ms of the order/approval).</summary>
    public long? ProvisionStartMs { get; set; }

    public long CreateDate { get; set; }
    public long? LiveDate { get; set; }
    public long? TerminateDate { get; set; }
    public long? ContractStartDate { get; set; }
    public int Term { get; set; } = 12;
    public string CostCentre { get; set; } = "";
    public bool Locked { get; set; }
    public bool AdminLocked { get; set; }
    public required Company Company { get; init; }
    public string CreatedBy { get; init; } = "";
    public List<ResourceTag> Tags { get; set; } = new();
    public string? PromoCode { get; set; }

    public bool IsActive => ProvisioningStatus.IsActive(Status);

    public long? ContractEndDate => ContractStartDate is long s
        ? DateTimeOffset.FromUnixTimeMilliseconds(s).AddMonths(Math.Max(Term, 1)).ToUnixTimeMilliseconds()
        : null;
}

/// <summary>Anything that sits at a location and can be a VXC end: ports, MCRs, MVEs, MegaDirect.</summary>
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
}

public sealed class PortService : PortLikeService
{
    public override string Kind => "MEGAPORT";
    public int LagId { get; set; }
    public int AggregationId { get; set; }
    public bool LagPrimary { get; set; }
    public bool IsLagMember => AggregationId != 0;
}

public sealed class MegadirectService : PortLikeService
{
    public override string Kind => "MEGADIRECT";
}

public sealed record McrAddOn(string AddOnUid, string AddOnType, int TunnelCount, int PackCount);

public sealed class McrService : PortLikeService
{
    public override string Kind => "MCR2";
    public long Asn { get; set; } = 133937;
    public List<McrAddOn> AddOns { get; } = new();
}

public sealed class MveVnic
{
    public required string Description { get; set; }
    public int Vlan { get; set; }
}

public sealed class MveService : PortLikeService
{
    public override string Kind => "MVE";
    public required string Vendor { get; init; }
    public required string ProductSize { get; init; }
    public string? MveLabel { get; init; }
    public int ImageId { get; init; }
    public string ImageProduct { get; init; } = "";
    public string ImageVersion { get; init; } = "";
    public int CpuCount { get; init; } = 2;
    public List<MveVnic> Vnics { get; } = new();
}

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

public sealed class VxcService : Service
{
    public override string Kind => "VXC";
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
}

public sealed class IxService : Service
{
    public override string Kind => "IX";
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
}

/// <summary>A cloud-side key (Azure service key, Google pairing key, Oracle virtual circuit OCID) and its ports.</summary>
public sealed class CspKey
{
    public required string Provider { get; init; }   // azure | google | oracle
    public required string Key { get; init; }
    public required int Bandwidth { get; init; }
    public required List<(string PortUid, string Type)> Ports { get; init; }
    public List<(string Type, int PeerAsn, string PrimarySubnet, string SecondarySubnet, int Vlan)> Peers { get; init; } = new();
    public int Vlan { get; init; }
}

/// <summary>A Megaport service key (<c>/v2/service/key</c>) that lets a VXC land on the key owner's port.</summary>
public sealed class ServiceKey
{
    public required string Key { get; init; }
    public required Company Company { get; init; }
    public required string ProductUid { get; set; }
    public string Description { get; set; } = "";
    public int? Vlan { get; set; }
    public int MaxSpeed { get; set; }
    public bool PreApproved { get; set; }
    public bool SingleUse { get; set; }
    public bool Active { get; set; } = true;
    public long CreateDate { get; init; }
    public long? LastUsed { get; set; }
    public long? ValidFrom { get; set; }
    public long? ValidTo { get; set; }
    public string? PromoCode { get; set; }

    public bool Expired(long now) => ValidTo is long end && now > end;
    public bool Valid(long now) => Active && !Expired(now) && (ValidFrom is not long start || now >= start);
}
