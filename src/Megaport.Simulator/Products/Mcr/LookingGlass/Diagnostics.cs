using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Megaport.Simulator.Products.LookingGlass;

/// <summary>
/// Ping and traceroute results made up from the MCR's routing table: a destination is reachable when a route
/// covers it, and round-trip times grow with the route's distance (local, connected, static, BGP by AS path).
/// Every number is derived from the destination, so the same question always gets the same answer.
/// </summary>
public static class Diagnostics
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The ping result: <c>{rawOutput, statistics:{…}}</c>.</summary>
    public static void WritePing(Utf8JsonWriter w, LookingGlassSynth lg, IPAddress destination, string? source, int count, int size)
    {
        var route = lg.Lookup(destination);
        double[] rtts = route is null ? [] : Enumerable.Range(1, count).Select(seq => Round(BaseRtt(route, destination) * (0.9 + 0.2 * Unit($"{destination}#{seq}")))).ToArray();
        var received = rtts.Length;
        var from = source ?? lg.Addresses().FirstOrDefault() ?? "0.0.0.0";
        var raw = new StringBuilder();
        raw.Append(Inv, $"PING {destination} ({destination}) from {from} : {size}({size + 28}) bytes of data.\n");
        for (var seq = 1; seq <= count; seq++)
            raw.Append(received > 0
                ? string.Create(Inv, $"{size + 8} bytes from {destination}: icmp_seq={seq} ttl={64 - Hops(route!, destination).Count + 1} time={rtts[seq - 1]:0.###} ms\n")
                : $"From {from} icmp_seq={seq} Destination Net Unreachable\n");
        var loss = 100.0 * (count - received) / count;
        var totalMs = Round((count - 1) * 1000 + (received > 0 ? rtts[^1] : 0));
        double min = 0, avg = 0, max = 0, mdev = 0;
        if (received > 0)
        {
            min = rtts.Min();
            max = rtts.Max();
            avg = Round(rtts.Average());
            mdev = Round(Math.Sqrt(Math.Max(0, rtts.Average(r => r * r) - rtts.Average() * rtts.Average())));
        }
        raw.Append(Inv, $"\n--- {destination} ping statistics ---\n");
        raw.Append(Inv, $"{count} packets transmitted, {received} received, {(received == 0 ? $"+{count} errors, " : "")}{loss:0.#}% packet loss, time {totalMs:0}ms\n");
        if (received > 0) raw.Append(Inv, $"rtt min/avg/max/mdev = {min:0.000}/{avg:0.000}/{max:0.000}/{mdev:0.000} ms\n");

        w.WriteStartObject();
        w.WriteString("rawOutput", raw.ToString());
        w.WriteStartObject("statistics");
        w.WriteNumber("duplicates", 0);
        w.WriteNumber("errors", received == 0 ? count : 0);
        w.WriteNumber("packetLossPct", Round(loss));
        w.WriteNumber("packetsReceived", received);
        w.WriteNumber("packetsTransmitted", count);
        w.WriteNumber("rttAvgMs", avg);
        w.WriteNumber("rttMaxMs", max);
        w.WriteNumber("rttMdevMs", mdev);
        w.WriteNumber("rttMinMs", min);
        w.WriteNumber("totalTimeMs", totalMs);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The traceroute result: <c>{rawOutput, hops:[{hop:"1", probes:[{host, rttMs}]}]}</c>, three probes a hop.</summary>
    public static void WriteTraceroute(Utf8JsonWriter w, LookingGlassSynth lg, IPAddress destination)
    {
        var route = lg.Lookup(destination);
        // No route: the first hops time out, as a real traceroute shows before giving up.
        List<string?> hops = route is null ? [null, null, null] : Hops(route, destination);
        var raw = new StringBuilder();
        raw.Append(Inv, $"traceroute to {destination} ({destination}), 30 hops max, 60 byte packets\n");
        w.WriteStartObject();
        w.WritePropertyName("hops");
        w.WriteStartArray();
        for (var n = 1; n <= hops.Count; n++)
        {
            var host = hops[n - 1];
            raw.Append(Inv, $"{n,2}  ");
            w.WriteStartObject();
            w.WriteString("hop", n.ToString(Inv));
            w.WriteStartArray("probes");
            for (var probe = 1; probe <= 3; probe++)
            {
                w.WriteStartObject();
                if (host is not null)
                {
                    var rtt = Round((0.3 + 0.8 * n) * (0.9 + 0.2 * Unit($"{destination}#{n}.{probe}")));
                    w.WriteString("host", host);
                    w.WriteNumber("rttMs", rtt);
                    if (probe == 1) raw.Append(Inv, $"{host} ({host})");
                    raw.Append(Inv, $"  {rtt:0.000} ms");
                }
                else raw.Append(probe == 1 ? "*" : " *");
                w.WriteEndObject();
            }
            raw.Append('\n');
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("rawOutput", raw.ToString());
        w.WriteEndObject();
    }

    /// <summary>The path to the destination: the next hop, one router per further AS of a BGP path, then the destination.</summary>
    private static List<string?> Hops(LgRoute route, IPAddress destination)
    {
        var dest = destination.ToString();
        var hops = new List<string?>();
        if (route.Protocol is "STATIC" or "BGP" && route.NextHop != dest) hops.Add(route.NextHop);
        if (route.Protocol == "BGP")
            for (var j = 1; j < route.AsPath.Length; j++)
                hops.Add(destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                    ? $"2001:db8:ffff::{route.AsPath[j] % 0xFFFF:x}:{j:x}" : $"100.64.{route.AsPath[j] % 256}.{j}");
        hops.Add(dest);
        return hops;
    }

    private static double BaseRtt(LgRoute route, IPAddress destination) => route.Protocol switch
    {
        "LOCAL" => 0.04,
        "CONNECTED" => 0.4,
        "STATIC" => 0.8,
        _ => 1.5 + 0.9 * route.AsPath.Length,
    } + 0.5 * Unit(destination.ToString());

    /// <summary>A number in [0, 1) that depends only on <paramref name="key"/> (FNV-1a).</summary>
    private static double Unit(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key) hash = (hash ^ c) * 16777619u;
        return hash % 10000 / 10000.0;
    }

    private static double Round(double value) => Math.Round(value, 3);
}
