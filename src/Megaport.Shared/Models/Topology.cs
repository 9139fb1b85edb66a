using System;

namespace Megaport
{
    /// <summary>
    /// The account as a tree (Get-MegaportTopology): metros, the ports, LAGs, MCRs, MVEs and NAT gateways in each, and
    /// the VXCs and IXs on them with what is at their other end. <see cref="Tree"/> is the console drawing.
    /// </summary>
    public sealed class Topology
    {
        public TopologyMetro[] Metros { get; internal set; } = Array.Empty<TopologyMetro>();
        /// <summary>The tree drawn with ├─ └─, no line wider than 120 columns.</summary>
        public string Tree { get; internal set; } = "";

        public override string ToString() => Tree;
    }

    public sealed class TopologyMetro
    {
        public string Name { get; internal set; } = "";
        public TopologyNode[] Services { get; internal set; } = Array.Empty<TopologyNode>();

        public override string ToString() => Name;
    }

    /// <summary>A service VXCs and IXs attach to: a port, a LAG (one node for all its members), an MCR, an MVE, a NAT gateway.</summary>
    public sealed class TopologyNode
    {
        public string ProductUid { get; internal set; } = "";
        public string Name { get; internal set; } = "";
        /// <summary>"port", "LAG", "MCR", "MVE", "NAT gateway", ...</summary>
        public string Kind { get; internal set; } = "";
        /// <summary>Mbps (a LAG: all its members together), 0 when unknown.</summary>
        public int Speed { get; internal set; }
        public string? LocationName { get; internal set; }
        public string? ProvisioningStatus { get; internal set; }
        public Service Service { get; internal set; } = null!;
        /// <summary>The UIDs this node stands for: a LAG's members, else the service's own.</summary>
        public string[] MemberUids { get; internal set; } = Array.Empty<string>();
        public TopologyLink[] Links { get; internal set; } = Array.Empty<TopologyLink>();

        public override string ToString() => $"{Name} ({Kind})";
    }

    /// <summary>A VXC or IX on a node, and what is at its other end.</summary>
    public sealed class TopologyLink
    {
        public string ProductUid { get; internal set; } = "";
        public string Name { get; internal set; } = "";
        /// <summary>"VXC" or "IX".</summary>
        public string Kind { get; internal set; } = "";
        /// <summary>Mbps.</summary>
        public int RateLimit { get; internal set; }
        /// <summary>False when the node is the link's B-End (a VXC from another of the account's services, or to it from elsewhere).</summary>
        public bool Outgoing { get; internal set; } = true;
        public string? ProvisioningStatus { get; internal set; }
        public Service Service { get; internal set; } = null!;
        public TopologyEnd OtherEnd { get; internal set; } = new();

        public override string ToString() => $"{Kind} {Name} {(Outgoing ? "->" : "<-")} {OtherEnd}";
    }

    /// <summary>What is at the far end of a VXC or IX.</summary>
    public sealed class TopologyEnd
    {
        public TopologyEndKind Kind { get; internal set; }
        public string Name { get; internal set; } = "";
        /// <summary>The service or partner port at that end, when there is one.</summary>
        public string? ProductUid { get; internal set; }
        /// <summary>AWS, AZURE, GOOGLE, ... for a cloud; TRANSIT for the Internet.</summary>
        public string? ConnectType { get; internal set; }
        /// <summary>The company that owns a partner port.</summary>
        public string? CompanyName { get; internal set; }

        public override string ToString() => Name;
    }

    public enum TopologyEndKind
    {
        /// <summary>Another of the account's own services.</summary>
        Service,
        /// <summary>A port of another company (marketplace, a service key's port).</summary>
        Partner,
        /// <summary>A cloud on-ramp (AWS, Azure, Google, Oracle, IBM).</summary>
        Cloud,
        /// <summary>Megaport Internet.</summary>
        Internet,
        /// <summary>An internet exchange (for an IX).</summary>
        Exchange,
    }
}
