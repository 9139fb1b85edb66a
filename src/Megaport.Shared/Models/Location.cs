using System;
using System.Collections.Generic;

namespace Megaport
{
    // Output objects are read-only to callers: only the module (InternalsVisibleTo) fills them in. The class name is
    // the PSTypeName (Megaport.Port, Megaport.Vxc, ...) that Megaport.Format.ps1xml keys on.

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
        /// <summary>AWS, AWSHC, AZURE, GOOGLE, ORACLE, IBM, TRANSIT, DEFAULT, or any other value the API sends.</summary>
        public string? ConnectType { get; internal set; }
        public int LocationId { get; internal set; }
        public string? LocationName { get; internal set; }
        public int Speed { get; internal set; }
        public int MaxVxcSpeed { get; internal set; }
        public string? DiversityZone { get; internal set; }
        public bool VxcPermitted { get; internal set; }
        public int Rank { get; internal set; }

        /// <summary>The largest rate limit a VXC to this port can have.</summary>
        internal int VxcSpeedLimit => MaxVxcSpeed > 0 ? MaxVxcSpeed : Speed;

        public override string ToString() => $"{Name} ({ConnectType} {ProductUid})";
    }
}
