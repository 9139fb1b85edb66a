using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>The state of an asynchronous looking-glass job: still running, done with its rows, or failed.</summary>
    internal sealed class LookingGlassJob
    {
        public string Id { get; set; } = "";
        public string Status { get; set; } = "";
        public bool Complete => string.Equals(Status, "COMPLETE", StringComparison.OrdinalIgnoreCase);
        public bool Failed => string.Equals(Status, "FAILED", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Turns the looking glass's and the diagnostics' answers into output objects.</summary>
    internal static class LookingGlassReaders
    {
        public static McrRoute Route(Mcr mcr, JObject o) => new()
        {
            ProductUid = mcr.ProductUid,
            McrName = mcr.Name,
            Prefix = o.Str("prefix") ?? "",
            NextHop = o.Str("nextHop"),
            Protocol = (o.Str("protocol") ?? "").ToUpperInvariant(),
            Metric = o.Int("metric"),
            LocalPreference = o.Int("localPref"),
            AsPath = AsPath(o),
            Age = Seconds(o, "age"),
            Interface = o.Str("interface"),
            VxcId = o.Int("vxcId"),
            VxcName = o.Str("vxcName"),
            Communities = Strings(o, "communities"),
            Origin = o.Str("origin"),
            Med = o.Int("med"),
            Best = o.Get("best") == null ? null : o.Bool("best"),
        };

        public static McrBgpRoute BgpRoute(Mcr mcr, JObject o) => Path(mcr, o, new McrBgpRoute
        {
            Weight = o.Int("weight"),
            NeighborAddress = o.Str("neighborIp"),
            NeighborAsn = o.Long("neighborAsn"),
            Age = Seconds(o, "age"),
            VxcId = o.Int("vxcId"),
            VxcName = o.Str("vxcName"),
        });

        public static McrBgpSession BgpSession(Mcr mcr, JObject o) => new()
        {
            ProductUid = mcr.ProductUid,
            McrName = mcr.Name,
            SessionId = o.Str("sessionId") ?? "",
            NeighborAddress = o.Str("neighborAddress"),
            NeighborAsn = o.Long("neighborAsn") ?? 0,
            LocalAsn = o.Long("localAsn") ?? 0,
            Status = (o.Str("status") ?? "UNKNOWN").ToUpperInvariant(),
            Uptime = Seconds(o, "uptime"),
            PrefixesIn = o.Int("prefixesIn"),
            PrefixesOut = o.Int("prefixesOut"),
            VxcId = o.Int("vxcId"),
            VxcName = o.Str("vxcName"),
            LastStateChange = Seconds(o, "lastStateChange"),
            Description = o.Str("description"),
        };

        public static McrBgpNeighborRoute NeighborRoute(Mcr mcr, string sessionId, string direction, JObject o) =>
            Path(mcr, o, new McrBgpNeighborRoute { SessionId = sessionId, Direction = direction });

        /// <summary>Fills in what every BGP path has.</summary>
        static T Path<T>(Mcr mcr, JObject o, T path) where T : McrBgpPath
        {
            path.ProductUid = mcr.ProductUid;
            path.McrName = mcr.Name;
            path.Prefix = o.Str("prefix") ?? "";
            path.NextHop = o.Str("nextHop");
            path.AsPath = AsPath(o);
            path.LocalPreference = o.Int("localPref");
            path.Med = o.Int("med");
            path.Origin = o.Str("origin");
            path.Communities = Strings(o, "communities");
            path.Valid = o.Bool("valid");
            path.Best = o.Bool("best");
            return path;
        }

        /// <summary>
        /// A job as the async form answers it: {jobId, status[, routes]}. A bare array (an API that answered the
        /// query at once) is taken as a completed job.
        /// </summary>
        /// <summary>Where a job's answer keeps its rows (they are streamed, not part of what <see cref="Job"/> reads).</summary>
        public const string JobRows = "routes";

        /// <summary>A job's state from its answer's data without the rows: an array means a synchronous, complete answer.</summary>
        public static LookingGlassJob? Job(JToken? data) => data switch
        {
            JArray => new LookingGlassJob { Status = "COMPLETE" },
            JObject o when o.Str("jobId") != null || o.Str("status") != null => new LookingGlassJob
            {
                Id = o.Str("jobId") ?? "",
                Status = (o.Str("status") ?? "").ToUpperInvariant(),
            },
            _ => null,
        };

        public static McrPingResult Ping(Mcr mcr, string destination, string? source, JObject o)
        {
            var s = o.Obj("statistics");
            return new McrPingResult
            {
                ProductUid = mcr.ProductUid,
                McrName = mcr.Name,
                Destination = destination,
                Source = source,
                PacketsTransmitted = s.Int("packetsTransmitted") ?? 0,
                PacketsReceived = s.Int("packetsReceived") ?? 0,
                PacketLossPercent = s.Double("packetLossPct") ?? 0,
                MinimumRttMs = s.Double("rttMinMs") ?? 0,
                AverageRttMs = s.Double("rttAvgMs") ?? 0,
                MaximumRttMs = s.Double("rttMaxMs") ?? 0,
                MdevRttMs = s.Double("rttMdevMs") ?? 0,
                Duplicates = s.Int("duplicates") ?? 0,
                Errors = s.Int("errors") ?? 0,
                TotalTimeMs = s.Double("totalTimeMs") ?? 0,
                RawOutput = o.Str("rawOutput"),
            };
        }

        /// <summary>The hops of a traceroute, in order; "hop" comes as text ("1") and is read as a number.</summary>
        public static IEnumerable<McrTracerouteHop> Hops(Mcr mcr, string destination, JObject o)
        {
            var number = 0;
            foreach (var h in o.Objects("hops"))
            {
                number = int.TryParse(h.Str("hop"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : number + 1;
                var probes = h.Objects("probes").Select(p => new McrTracerouteProbe { Host = p.Str("host"), RttMs = p.Double("rttMs") }).ToArray();
                yield return new McrTracerouteHop
                {
                    ProductUid = mcr.ProductUid,
                    McrName = mcr.Name,
                    Destination = destination,
                    Hop = number,
                    Host = probes.Select(p => p.Host).FirstOrDefault(host => host != null),
                    Probes = probes,
                };
            }
        }

        /// <summary>An AS path as numbers; the API sends an array, a path given as text ("65001 65002") is split.</summary>
        static long[] AsPath(JObject o)
        {
            switch (o.Get("asPath"))
            {
                case JArray a:
                    return a.Select(t => t.Type is JTokenType.Integer or JTokenType.Float ? (long?)(long)t : ParseAsn((string?)t))
                        .Where(v => v != null).Select(v => v!.Value).ToArray();
                case JValue { Type: JTokenType.String } text:
                    return ((string?)text ?? "").Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries)
                        .Select(ParseAsn).Where(v => v != null).Select(v => v!.Value).ToArray();
                default:
                    return Array.Empty<long>();
            }
        }

        static long? ParseAsn(string? s) =>
            long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

        static string[] Strings(JObject o, string name) =>
            o.Get(name) is JArray a ? a.Where(t => t.Type != JTokenType.Null).Select(t => t.ToString()).ToArray() : Array.Empty<string>();

        static TimeSpan? Seconds(JObject o, string name) => o.Long(name) is long s && s >= 0 ? TimeSpan.FromSeconds(s) : null;
    }
}
