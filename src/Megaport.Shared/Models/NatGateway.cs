using System;
using System.Collections.Generic;

namespace Megaport
{
    /// <summary>
    /// A NAT gateway (productType NAT_GATEWAY). It exists first as a DESIGN (free, not on the network), is priced and
    /// bought, then provisioned like any service. VXCs from it carry its interfaces.
    /// </summary>
    public sealed class NatGateway : LocatedService
    {
        /// <summary>Speed in Mbps.</summary>
        public int Speed { get; internal set; }
        /// <summary>How many concurrent NAT sessions it holds (the speed decides which counts are offered).</summary>
        public int SessionCount { get; internal set; }
        public long? Asn { get; internal set; }
        /// <summary>New BGP sessions start shut down.</summary>
        public bool BgpShutdownDefault { get; internal set; }
        public bool AutoRenewTerm { get; internal set; }
        public string? PromoCode { get; internal set; }
        public string? ServiceLevelReference { get; internal set; }
        public string? OrderApprovalStatus { get; internal set; }
        public string? CreatedBy { get; internal set; }
        /// <summary>A design that was never bought (DESIGN): nothing runs and nothing is billed.</summary>
        public bool IsDesign => ProvisioningStatus == ProvisioningStatuses.Design;

        /// <summary>The tags as read, so a change (which sends the whole gateway) keeps them.</summary>
        internal IReadOnlyList<KeyValuePair<string, string>> Tags { get; set; } = Array.Empty<KeyValuePair<string, string>>();
    }

    /// <summary>The session counts a NAT gateway of one speed can be ordered with.</summary>
    public sealed class NatGatewaySession
    {
        /// <summary>Speed in Mbps.</summary>
        public int Speed { get; internal set; }
        public int[] SessionCounts { get; internal set; } = Array.Empty<int>();

        public override string ToString() => $"{Speed} Mbps: {string.Join(", ", SessionCounts)} sessions";
    }

    /// <summary>A packet filter of a NAT gateway: ordered rules, the first that matches decides.</summary>
    public sealed class NatGatewayPacketFilter
    {
        /// <summary>The NAT gateway it belongs to.</summary>
        public string ProductUid { get; internal set; } = "";
        public int Id { get; internal set; }
        /// <summary>Its name in the API.</summary>
        public string Description { get; internal set; } = "";
        public NatGatewayPacketFilterEntry[] Entries { get; internal set; } = Array.Empty<NatGatewayPacketFilterEntry>();

        public override string ToString() => $"{Id} {Description}";
    }

    /// <summary>One rule of a packet filter. The same keys, in a hashtable, make a rule for -Entry.</summary>
    public sealed class NatGatewayPacketFilterEntry
    {
        /// <summary>permit or deny.</summary>
        public string Action { get; internal set; } = "";
        public string? Description { get; internal set; }
        /// <summary>An address with a prefix length (0.0.0.0/0 for any).</summary>
        public string SourceAddress { get; internal set; } = "";
        public string DestinationAddress { get; internal set; } = "";
        /// <summary>443, 1000-2000 or 80,443; none for any port.</summary>
        public string? SourcePorts { get; internal set; }
        public string? DestinationPorts { get; internal set; }
        /// <summary>The IP protocol number (6 TCP, 17 UDP, 1 ICMP); none for any.</summary>
        public int? IpProtocol { get; internal set; }

        public override string ToString() => $"{Action} {SourceAddress} -> {DestinationAddress}";
    }

    /// <summary>A route in a NAT gateway's routing table (Get-MegaportNatGatewayRoute).</summary>
    public sealed class NatGatewayIpRoute
    {
        public string ProductUid { get; internal set; } = "";
        public string Prefix { get; internal set; } = "";
        /// <summary>CONNECTED, STATIC, BGP, ...</summary>
        public string? Protocol { get; internal set; }
        public int? Distance { get; internal set; }
        public int? Metric { get; internal set; }
        public string? NextHop { get; internal set; }
        /// <summary>The VXC the next hop is reached through, when there is one.</summary>
        public string? NextHopVxcUid { get; internal set; }
        public string? NextHopVxcName { get; internal set; }
    }

    /// <summary>A BGP route of a NAT gateway (Get-MegaportNatGatewayRoute -Bgp, Get-MegaportNatGatewayBgpNeighborRoute).</summary>
    public sealed class NatGatewayBgpRoute
    {
        public string ProductUid { get; internal set; } = "";
        public string Prefix { get; internal set; } = "";
        public string? AsPath { get; internal set; }
        public string? Origin { get; internal set; }
        public string? Source { get; internal set; }
        public int? LocalPref { get; internal set; }
        public int? Med { get; internal set; }
        public bool Best { get; internal set; }
        public bool External { get; internal set; }
        public DateTime? Since { get; internal set; }
        public string[] Communities { get; internal set; } = Array.Empty<string>();
        public string[] AdvertisedTo { get; internal set; } = Array.Empty<string>();
        public string? NextHop { get; internal set; }
        public string? NextHopVxcUid { get; internal set; }
        public string? NextHopVxcName { get; internal set; }
    }
}
