using System;

namespace Megaport
{
    // What an MCR's looking glass and diagnostics report: routes, BGP sessions, ping and traceroute results.
    // Every object names its MCR (ProductUid, McrName), so the output of several MCRs stays attributable.
    // AS numbers are longs: four-byte ASNs go up to 4294967295.

    /// <summary>A route in an MCR's IP routing table (Get-MegaportMcrRoute).</summary>
    public sealed class McrRoute
    {
        public string ProductUid { get; internal set; } = "";
        public string? McrName { get; internal set; }
        public string Prefix { get; internal set; } = "";
        public string? NextHop { get; internal set; }
        /// <summary>BGP, STATIC, CONNECTED or LOCAL.</summary>
        public string Protocol { get; internal set; } = "";
        public int? Metric { get; internal set; }
        public int? LocalPreference { get; internal set; }
        public long[] AsPath { get; internal set; } = Array.Empty<long>();
        /// <summary>How long the route has been in the table.</summary>
        public TimeSpan? Age { get; internal set; }
        public string? Interface { get; internal set; }
        public int? VxcId { get; internal set; }
        public string? VxcName { get; internal set; }
        public string[] Communities { get; internal set; } = Array.Empty<string>();
        public string? Origin { get; internal set; }
        public int? Med { get; internal set; }
        public bool? Best { get; internal set; }

        public override string ToString() => $"{Protocol} {Prefix} via {NextHop}";
    }

    /// <summary>What every BGP path shows, in the BGP table or exchanged with one neighbor.</summary>
    public abstract class McrBgpPath
    {
        public string ProductUid { get; internal set; } = "";
        public string? McrName { get; internal set; }
        public string Prefix { get; internal set; } = "";
        public string? NextHop { get; internal set; }
        public long[] AsPath { get; internal set; } = Array.Empty<long>();
        public int? LocalPreference { get; internal set; }
        public int? Med { get; internal set; }
        /// <summary>IGP, EGP or INCOMPLETE.</summary>
        public string? Origin { get; internal set; }
        public string[] Communities { get; internal set; } = Array.Empty<string>();
        public bool Valid { get; internal set; }
        public bool Best { get; internal set; }

        public override string ToString() => $"{Prefix} via {NextHop} ({string.Join(" ", AsPath)})";
    }

    /// <summary>A path in an MCR's BGP table (Get-MegaportMcrBgpRoute).</summary>
    public sealed class McrBgpRoute : McrBgpPath
    {
        public int? Weight { get; internal set; }
        /// <summary>The BGP neighbor the route was learned from.</summary>
        public string? NeighborAddress { get; internal set; }
        public long? NeighborAsn { get; internal set; }
        public TimeSpan? Age { get; internal set; }
        public int? VxcId { get; internal set; }
        public string? VxcName { get; internal set; }
    }

    /// <summary>A BGP session of an MCR (Get-MegaportMcrBgpSession); pipe it to Get-MegaportMcrBgpNeighborRoute.</summary>
    public sealed class McrBgpSession
    {
        public string ProductUid { get; internal set; } = "";
        public string? McrName { get; internal set; }
        public string SessionId { get; internal set; } = "";
        public string? NeighborAddress { get; internal set; }
        public long NeighborAsn { get; internal set; }
        public long LocalAsn { get; internal set; }
        /// <summary>UP, DOWN or UNKNOWN.</summary>
        public string Status { get; internal set; } = "";
        public TimeSpan? Uptime { get; internal set; }
        public int? PrefixesIn { get; internal set; }
        public int? PrefixesOut { get; internal set; }
        /// <summary>The VXC that carries the session.</summary>
        public int? VxcId { get; internal set; }
        public string? VxcName { get; internal set; }
        /// <summary>How long ago the session last changed state.</summary>
        public TimeSpan? LastStateChange { get; internal set; }
        public string? Description { get; internal set; }

        public override string ToString() => $"AS{NeighborAsn} {NeighborAddress} {Status}";
    }

    /// <summary>A route an MCR advertises to, or receives from, one BGP neighbor (Get-MegaportMcrBgpNeighborRoute).</summary>
    public sealed class McrBgpNeighborRoute : McrBgpPath
    {
        public string SessionId { get; internal set; } = "";
        /// <summary>Advertised or Received.</summary>
        public string Direction { get; internal set; } = "";

        public override string ToString() => $"{Direction} {base.ToString()}";
    }

    /// <summary>The outcome of a ping from an MCR (Test-MegaportMcrConnection), round-trip times in milliseconds.</summary>
    public sealed class McrPingResult
    {
        public string ProductUid { get; internal set; } = "";
        public string? McrName { get; internal set; }
        public string Destination { get; internal set; } = "";
        public string? Source { get; internal set; }
        public int PacketsTransmitted { get; internal set; }
        public int PacketsReceived { get; internal set; }
        public double PacketLossPercent { get; internal set; }
        public double MinimumRttMs { get; internal set; }
        public double AverageRttMs { get; internal set; }
        public double MaximumRttMs { get; internal set; }
        /// <summary>The mean deviation of the round-trip times.</summary>
        public double MdevRttMs { get; internal set; }
        public int Duplicates { get; internal set; }
        public int Errors { get; internal set; }
        public double TotalTimeMs { get; internal set; }
        /// <summary>At least one reply came back.</summary>
        public bool Reachable => PacketsReceived > 0;
        /// <summary>The ping command's output as the MCR printed it.</summary>
        public string? RawOutput { get; internal set; }

        public override string ToString() => $"{Destination}: {PacketsReceived}/{PacketsTransmitted} received, avg {AverageRttMs} ms";
    }

    /// <summary>One hop of a traceroute from an MCR (Trace-MegaportMcrRoute).</summary>
    public sealed class McrTracerouteHop
    {
        public string ProductUid { get; internal set; } = "";
        public string? McrName { get; internal set; }
        public string Destination { get; internal set; } = "";
        /// <summary>The hop number, from 1.</summary>
        public int Hop { get; internal set; }
        /// <summary>The first host that answered at this hop; null when no probe got an answer.</summary>
        public string? Host { get; internal set; }
        public McrTracerouteProbe[] Probes { get; internal set; } = Array.Empty<McrTracerouteProbe>();

        public override string ToString() => $"{Hop} {Host ?? "*"}";
    }

    /// <summary>One probe of a traceroute hop; Host and RttMs are null for a probe that got no answer.</summary>
    public sealed class McrTracerouteProbe
    {
        public string? Host { get; internal set; }
        public double? RttMs { get; internal set; }

        public override string ToString() => RttMs is double ms ? $"{Host} {ms} ms" : "*";
    }
}
