using System.Text.Json;
using Megaport.Simulator.Http;

namespace Megaport.Simulator.Products.LookingGlass;

/// <summary>The looking glass's rows and jobs as the API writes them.</summary>
public static class LookingGlassJson
{
    public static byte[] Rows(IEnumerable<LgRoute> routes, Action<Utf8JsonWriter, LgRoute> write) => Api.Write(w =>
    {
        w.WriteStartArray();
        foreach (var r in routes) write(w, r);
        w.WriteEndArray();
    });

    /// <summary>A row of the IP routing table.</summary>
    public static void IpRoute(Utf8JsonWriter w, LgRoute r)
    {
        w.WriteStartObject();
        w.WriteString("prefix", r.Prefix);
        w.WriteString("nextHop", r.NextHop);
        w.WriteString("protocol", r.Protocol);
        w.WriteNumberOrNull("metric", r.Metric);
        w.WriteNumberOrNull("localPref", r.LocalPref);
        AsPath(w, r);
        w.WriteNumberOrNull("age", r.AgeSeconds);
        w.WriteStringOrNull("interface", r.Interface?.Name);
        Vxc(w, r);
        w.WriteStringArray("communities", r.Communities);
        w.WriteStringOrNull("origin", r.Origin);
        w.WriteNumberOrNull("med", r.Med);
        w.WriteBoolean("best", r.Best);
        w.WriteEndObject();
    }

    /// <summary>A path of the BGP table.</summary>
    public static void BgpRoute(Utf8JsonWriter w, LgRoute r)
    {
        w.WriteStartObject();
        Bgp(w, r);
        w.WriteNumber("weight", 0);
        w.WriteStringOrNull("neighborIp", r.Session?.NeighborAddress);
        w.WriteNumberOrNull("neighborAsn", r.Session?.NeighborAsn);
        w.WriteNumberOrNull("age", r.AgeSeconds);
        Vxc(w, r);
        w.WriteEndObject();
    }

    /// <summary>A route advertised to or received from a neighbor.</summary>
    public static void NeighborRoute(Utf8JsonWriter w, LgRoute r)
    {
        w.WriteStartObject();
        Bgp(w, r);
        w.WriteEndObject();
    }

    public static void Session(Utf8JsonWriter w, LookingGlassSynth lg, LgSession s, long now)
    {
        long? up = s.Up && s.Interface.UpSinceMs is long since ? Math.Max(0, (now - since) / 1000) : null;
        w.WriteStartObject();
        w.WriteString("sessionId", s.Id);
        w.WriteString("neighborAddress", s.NeighborAddress);
        w.WriteNumber("neighborAsn", s.NeighborAsn);
        w.WriteNumber("localAsn", s.LocalAsn);
        w.WriteString("status", s.Up ? "UP" : "DOWN");
        w.WriteNumberOrNull("uptime", up);
        w.WriteNumber("prefixesIn", lg.Received(s).Count(r => r.Valid));
        w.WriteNumber("prefixesOut", lg.Advertised(s).Count);
        w.WriteNumber("vxcId", s.Interface.Vxc.ProductId);
        w.WriteString("vxcName", s.Interface.Vxc.Name);
        w.WriteNumberOrNull("lastStateChange", up);
        w.WriteString("description", s.Description);
        w.WriteEndObject();
    }

    /// <summary>A job: <c>{jobId, status, createdAt, updatedAt, expiresAt, routes}</c>; routes only once it is COMPLETE.</summary>
    public static void Job(Utf8JsonWriter w, LgJob job, long now)
    {
        var status = job.Status(now);
        w.WriteStartObject();
        w.WriteString("jobId", job.Id);
        w.WriteString("status", status);
        w.WriteString("createdAt", Iso(job.CreatedMs));
        w.WriteString("updatedAt", Iso(Math.Min(now, job.ReadyMs)));
        w.WriteString("expiresAt", Iso(job.ExpiresMs));
        w.WritePropertyName("routes");
        if (status == "COMPLETE") w.WriteRawValue(job.Rows, skipInputValidation: true);
        else w.WriteNullValue();
        w.WriteEndObject();
    }

    private static void Bgp(Utf8JsonWriter w, LgRoute r)
    {
        w.WriteString("prefix", r.Prefix);
        w.WriteString("nextHop", r.NextHop);
        AsPath(w, r);
        w.WriteNumberOrNull("localPref", r.LocalPref);
        w.WriteNumberOrNull("med", r.Med);
        w.WriteStringOrNull("origin", r.Origin);
        w.WriteStringArray("communities", r.Communities);
        w.WriteBoolean("valid", r.Valid);
        w.WriteBoolean("best", r.Best);
    }

    private static void AsPath(Utf8JsonWriter w, LgRoute r)
    {
        w.WriteStartArray("asPath");
        foreach (var asn in r.AsPath) w.WriteNumberValue(asn);
        w.WriteEndArray();
    }

    private static void Vxc(Utf8JsonWriter w, LgRoute r)
    {
        w.WriteNumberOrNull("vxcId", r.Interface?.Vxc.ProductId);
        w.WriteStringOrNull("vxcName", r.Interface?.Vxc.Name);
    }

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
}
