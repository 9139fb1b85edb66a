using System;

namespace Megaport
{
    /// <summary>A virtual cross connect.</summary>
    public sealed class Vxc : Service
    {
        /// <summary>Rate limit in Mbps.</summary>
        public int RateLimit { get; internal set; }
        public VxcEnd AEnd { get; internal set; } = new();
        public VxcEnd BEnd { get; internal set; } = new();
        /// <summary>The cloud or partner connection type (AWS, AWSHC, AZURE, GOOGLE, ORACLE, IBM, TRANSIT, VROUTER, or another the API sends), when any.</summary>
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
}
