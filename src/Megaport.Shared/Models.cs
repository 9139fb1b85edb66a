using System;
using System.Collections.Generic;
using System.Linq;

namespace Megaport
{
    // Output objects. Read-only to callers: only the module (InternalsVisibleTo) fills them in.
    // The class name is the PSTypeName (Megaport.Port, Megaport.Vxc, ...), which Megaport.Format.ps1xml keys on.

    /// <summary>A Megaport data centre (GET /v3/locations).</summary>
    public sealed class Location
    {
        public int Id { get; internal set; }
        public string Name { get; internal set; } = "";
        public string? Metro { get; internal set; }
        public string? Country { get; internal set; }
        public string? Market { get; internal set; }
        public string? Status { get; internal set; }
        public double? Latitude { get; internal set; }
        public double? Longitude { get; internal set; }
        public string? DataCentre { get; internal set; }
        public string? Address { get; internal set; }
        /// <summary>Port speeds in Mbps offered in any diversity zone.</summary>
        public int[] PortSpeeds { get; internal set; } = Array.Empty<int>();
        /// <summary>MCR speeds in Mbps offered in any diversity zone.</summary>
        public int[] McrSpeeds { get; internal set; } = Array.Empty<int>();
        public string[] DiversityZones { get; internal set; } = Array.Empty<string>();
        public bool McrAvailable { get; internal set; }
        public bool MveAvailable { get; internal set; }
        public string? OrderingMessage { get; internal set; }

        // Per-zone port and MCR speeds, so orders can be checked against the zone asked for.
        internal Dictionary<string, int[]> PortSpeedsByZone { get; set; } = new(StringComparer.OrdinalIgnoreCase);
        internal Dictionary<string, int[]> McrSpeedsByZone { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        public bool IsActive => string.Equals(Status, "Active", StringComparison.OrdinalIgnoreCase);

        /// <summary>Port speeds offered in <paramref name="zone"/> (any zone when null or empty).</summary>
        public int[] GetPortSpeeds(string? zone) => SpeedsIn(PortSpeedsByZone, PortSpeeds, zone);

        /// <summary>MCR speeds offered in <paramref name="zone"/> (any zone when null or empty).</summary>
        public int[] GetMcrSpeeds(string? zone) => SpeedsIn(McrSpeedsByZone, McrSpeeds, zone);

        static int[] SpeedsIn(Dictionary<string, int[]> byZone, int[] all, string? zone) =>
            string.IsNullOrEmpty(zone) ? all : byZone.TryGetValue(zone!, out var speeds) ? speeds : Array.Empty<int>();

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>A partner or marketplace port a VXC can reach (GET /v2/dropdowns/partner/megaports).</summary>
    public sealed class PartnerPort
    {
        public string ProductUid { get; internal set; } = "";
        public string Name { get; internal set; } = "";
        public string? CompanyName { get; internal set; }
        public string? CompanyUid { get; internal set; }
        public string? ConnectType { get; internal set; }
        public int LocationId { get; internal set; }
        public string? LocationName { get; internal set; }
        public int Speed { get; internal set; }
        public int MaxVxcSpeed { get; internal set; }
        public string? DiversityZone { get; internal set; }
        public bool VxcPermitted { get; internal set; }
        public int Rank { get; internal set; }

        public override string ToString() => $"{Name} ({ConnectType} {ProductUid})";
    }

    /// <summary>Any service on the account. Product types without a class of their own (e.g. MEGADIRECT) come out as this.</summary>
    public class Service
    {
        public string ProductUid { get; internal set; } = "";
        public int ProductId { get; internal set; }
        public string Name { get; internal set; } = "";
        /// <summary>The API's productType in upper case (MEGAPORT, VXC, IX, MCR2, MVE, ...).</summary>
        public string ProductType { get; internal set; } = "";
        public string? ProvisioningStatus { get; internal set; }
        public int? LocationId { get; internal set; }
        public string? LocationName { get; internal set; }
        /// <summary>Contract term in months.</summary>
        public int Term { get; internal set; }
        public DateTime? CreateDate { get; internal set; }
        public DateTime? LiveDate { get; internal set; }
        public DateTime? ContractEndDate { get; internal set; }
        public string? CompanyName { get; internal set; }
        public string? CompanyUid { get; internal set; }
        public string? CostCentre { get; internal set; }
        public string? SecondaryName { get; internal set; }
        public bool Locked { get; internal set; }
        public bool AdminLocked { get; internal set; }
        public bool Cancelable { get; internal set; }

        /// <summary>CONFIGURED or LIVE.</summary>
        public bool IsReady => ProvisioningStatus is "CONFIGURED" or "LIVE";
        /// <summary>DECOMMISSIONED or CANCELLED.</summary>
        public bool IsInactive => ProvisioningStatus is "DECOMMISSIONED" or "CANCELLED";

        public override string ToString() => $"{Name} ({ProductType} {ProductUid})";
    }

    /// <summary>A Megaport port (productType MEGAPORT), possibly a LAG member.</summary>
    public sealed class Port : Service
    {
        /// <summary>Port speed in Mbps.</summary>
        public int Speed { get; internal set; }
        public string? Market { get; internal set; }
        public string? DiversityZone { get; internal set; }
        public bool MarketplaceVisibility { get; internal set; }
        public bool VxcPermitted { get; internal set; }
        public bool VxcAutoApproval { get; internal set; }
        public int LagId { get; internal set; }
        public int AggregationId { get; internal set; }
        public bool LagPrimary { get; internal set; }
        /// <summary>UIDs of the ports of the LAG this port belongs to (itself included), when known.</summary>
        public string[] LagMemberUids { get; internal set; } = Array.Empty<string>();
        public bool Virtual { get; internal set; }
        /// <summary>UIDs of the VXCs attached to this port.</summary>
        public string[] VxcUids { get; internal set; } = Array.Empty<string>();
        /// <summary>UIDs of the IXs attached to this port.</summary>
        public string[] IxUids { get; internal set; } = Array.Empty<string>();
        public bool IsLagMember => AggregationId != 0 || LagId != 0;
    }

    /// <summary>One end of a VXC.</summary>
    public sealed class VxcEnd
    {
        public string? ProductUid { get; internal set; }
        public string? ProductName { get; internal set; }
        public string? OwnerUid { get; internal set; }
        public int? LocationId { get; internal set; }
        public string? Location { get; internal set; }
        /// <summary>0 = chosen by Megaport, -1 = untagged, otherwise 2-4093.</summary>
        public int? Vlan { get; internal set; }
        public int? InnerVlan { get; internal set; }
        public int? VNicIndex { get; internal set; }
        public string? SecondaryName { get; internal set; }

        public override string ToString() =>
            (ProductName ?? ProductUid ?? "?") + (Vlan is int v && v != 0 ? $" vlan {v}" : "");
    }

    /// <summary>A virtual cross connect.</summary>
    public sealed class Vxc : Service
    {
        /// <summary>Rate limit in Mbps.</summary>
        public int RateLimit { get; internal set; }
        public VxcEnd AEnd { get; internal set; } = new();
        public VxcEnd BEnd { get; internal set; } = new();
        /// <summary>The cloud or partner connection type (AWS, AWSHC, AZURE, GOOGLE, ORACLE, IBM, TRANSIT, VROUTER), when any.</summary>
        public string? ConnectType { get; internal set; }
        /// <summary>vxcApproval.status: APPROVED, PENDING_INTERNAL, PENDING_EXTERNAL, or null.</summary>
        public string? ApprovalStatus { get; internal set; }
        public string? ApprovalMessage { get; internal set; }
        public bool Shutdown { get; internal set; }
        public string? DistanceBand { get; internal set; }
        public int? ServiceId { get; internal set; }

        public bool IsPendingApproval =>
            ApprovalStatus != null && ApprovalStatus.StartsWith("PENDING", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An internet exchange connection on a port.</summary>
    public sealed class Ix : Service
    {
        public int RateLimit { get; internal set; }
        public string? NetworkServiceType { get; internal set; }
        public long? Asn { get; internal set; }
        public string? MacAddress { get; internal set; }
        public int? Vlan { get; internal set; }
        public string? PortUid { get; internal set; }
        public bool Shutdown { get; internal set; }
    }

    /// <summary>A Megaport Cloud Router (productType MCR2).</summary>
    public sealed class Mcr : Service
    {
        public int Speed { get; internal set; }
        public long? Asn { get; internal set; }
        public string? DiversityZone { get; internal set; }
        public string? Market { get; internal set; }
        public bool MarketplaceVisibility { get; internal set; }
        public string[] VxcUids { get; internal set; } = Array.Empty<string>();
        /// <summary>IPsec tunnel count from the IP_SEC add-on, 0 when none.</summary>
        public int IpsecTunnelCount { get; internal set; }
    }

    /// <summary>A Megaport Virtual Edge.</summary>
    public sealed class Mve : Service
    {
        public string? Vendor { get; internal set; }
        public string? Size { get; internal set; }
        public string? DiversityZone { get; internal set; }
        public string? Market { get; internal set; }
        public string[] VnicDescriptions { get; internal set; } = Array.Empty<string>();
        public bool MarketplaceVisibility { get; internal set; }
        public string[] VxcUids { get; internal set; } = Array.Empty<string>();
    }

    /// <summary>The price of one order line, as the API's validate call returns it.</summary>
    public sealed class Quote
    {
        public string? ProductType { get; internal set; }
        public string? Name { get; internal set; }
        public string? Metro { get; internal set; }
        public decimal MonthlyRate { get; internal set; }
        public decimal MonthlySetup { get; internal set; }
        public decimal? MbpsRate { get; internal set; }
        public decimal? MonthlyRackRate { get; internal set; }
        public string? Currency { get; internal set; }

        public override string ToString() =>
            $"{MonthlyRate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {Currency}/month" +
            (MonthlySetup != 0 ? $" + {MonthlySetup.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {Currency} setup" : "");
    }
}

namespace Megaport
{
    /// <summary>An internet exchange a port can join (GET /v2/ixp); its Name is what New-MegaportIx -NetworkServiceType takes.</summary>
    public sealed class IxType
    {
        public int Id { get; internal set; }
        public string Name { get; internal set; } = "";
        public long? Asn { get; internal set; }
        public string? Metro { get; internal set; }
        public string? Ipv4Network { get; internal set; }
        public string? Ipv6Network { get; internal set; }

        public override string ToString() => Name;
    }
}

namespace Megaport
{
    /// <summary>One resource tag of a service (Get-MegaportServiceTag).</summary>
    public sealed class ServiceTag
    {
        public string ProductUid { get; internal set; } = "";
        public string Key { get; internal set; } = "";
        public string Value { get; internal set; } = "";

        public override string ToString() => $"{Key}={Value}";
    }

    /// <summary>A Megaport service key: lets another customer order a VXC to one of your ports.</summary>
    public sealed class ServiceKey
    {
        public string Key { get; internal set; } = "";
        public string? Description { get; internal set; }
        public string? ProductUid { get; internal set; }
        public int ProductId { get; internal set; }
        public string? ProductName { get; internal set; }
        /// <summary>Largest rate limit (Mbps) a VXC ordered with the key may have.</summary>
        public int MaxSpeed { get; internal set; }
        public int? Vlan { get; internal set; }
        public bool SingleUse { get; internal set; }
        public bool PreApproved { get; internal set; }
        public bool Active { get; internal set; }
        public bool Valid { get; internal set; }
        public bool Expired { get; internal set; }
        public DateTime? ValidFrom { get; internal set; }
        public DateTime? ValidTo { get; internal set; }
        public DateTime? CreateDate { get; internal set; }
        public DateTime? LastUsed { get; internal set; }
        public string? CompanyName { get; internal set; }

        public override string ToString() => Key;
    }

    /// <summary>An MVE software image (Get-MegaportMveImage).</summary>
    public sealed class MveImage
    {
        public int Id { get; internal set; }
        public string Vendor { get; internal set; } = "";
        public string? Product { get; internal set; }
        public string? Version { get; internal set; }
        public string? ProductCode { get; internal set; }
        public string? VendorDescription { get; internal set; }
        public bool ReleaseImage { get; internal set; }
        public string[] AvailableSizes { get; internal set; } = Array.Empty<string>();

        public override string ToString() => $"{Vendor} {Product} {Version} ({Id})";
    }

    /// <summary>An MVE size (Get-MegaportMveSize).</summary>
    public sealed class MveSize
    {
        public string Size { get; internal set; } = "";
        public string? Label { get; internal set; }
        public int CpuCoreCount { get; internal set; }
        public int RamGB { get; internal set; }
        public int BandwidthMbps { get; internal set; }

        public override string ToString() => Size;
    }
}
