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
        /// <summary>
        /// The cloud side of the connection, as the cloud names it (an AWS virtual interface or hosted connection id,
        /// an Azure service key, a Google pairing key...), so the cloud's own tools can take over; null without one.
        /// </summary>
        public VxcCloudConnection? Cloud { get; internal set; }

        public bool IsPendingApproval =>
            ApprovalStatus != null && ApprovalStatus.StartsWith("PENDING", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// What the cloud end of a VXC is on the cloud's side. Only the identifiers that cloud has are set; BGP keys are
    /// never carried here.
    /// </summary>
    public sealed class VxcCloudConnection
    {
        /// <summary>AWS, AWSHC, AZURE, GOOGLE, ORACLE, IBM or TRANSIT.</summary>
        public string ConnectType { get; internal set; } = "";
        public int? Vlan { get; internal set; }
        /// <summary>Mbps, where the cloud side states it.</summary>
        public int? Bandwidth { get; internal set; }
        /// <summary>The AWS Direct Connect virtual interface (dxvif-…) of a hosted VIF, for Confirm-DCPrivateVirtualInterface.</summary>
        public string? AwsVirtualInterfaceId { get; internal set; }
        /// <summary>The AWS Direct Connect connection (dxcon-…) of a hosted connection, for Confirm-DCConnection.</summary>
        public string? AwsConnectionId { get; internal set; }
        /// <summary>The AWS account the virtual interface or connection is offered to.</summary>
        public string? AwsAccountId { get; internal set; }
        /// <summary>private, public or transit.</summary>
        public string? AwsInterfaceType { get; internal set; }
        public string? AmazonAddress { get; internal set; }
        public string? CustomerAddress { get; internal set; }
        public long? AmazonAsn { get; internal set; }
        /// <summary>The customer's ASN on the BGP session with the cloud (AWS, IBM).</summary>
        public long? CustomerAsn { get; internal set; }
        /// <summary>The Azure ExpressRoute circuit's service key.</summary>
        public string? AzureServiceKey { get; internal set; }
        /// <summary>The Google Cloud Partner Interconnect attachment's pairing key.</summary>
        public string? GooglePairingKey { get; internal set; }
        /// <summary>The Oracle FastConnect virtual circuit's OCID.</summary>
        public string? OracleVirtualCircuitId { get; internal set; }
        /// <summary>The IBM Cloud account the Direct Link is offered to.</summary>
        public string? IbmAccountId { get; internal set; }

        public override string ToString() => ConnectType + " " + (AwsVirtualInterfaceId ?? AwsConnectionId ?? AzureServiceKey ?? GooglePairingKey ?? OracleVirtualCircuitId ?? IbmAccountId ?? "");
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
