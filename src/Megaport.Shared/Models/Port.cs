using System;

namespace Megaport
{
    /// <summary>A Megaport port (productType MEGAPORT), possibly a LAG member.</summary>
    public sealed class Port : LocatedService
    {
        /// <summary>Port speed in Mbps.</summary>
        public int Speed { get; internal set; }
        public bool VxcPermitted { get; internal set; }
        public bool VxcAutoApproval { get; internal set; }
        public int LagId { get; internal set; }
        public int AggregationId { get; internal set; }
        public bool LagPrimary { get; internal set; }
        /// <summary>UIDs of the ports of the LAG this port belongs to (itself included), when known.</summary>
        public string[] LagMemberUids { get; internal set; } = Array.Empty<string>();
        public bool Virtual { get; internal set; }
        /// <summary>UIDs of the IXs attached to this port.</summary>
        public string[] IxUids { get; internal set; } = Array.Empty<string>();
        public bool IsLagMember => AggregationId != 0 || LagId != 0;
    }
}
