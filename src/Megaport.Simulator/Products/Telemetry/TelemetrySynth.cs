using System.Text.Json;

namespace Megaport.Simulator.Products;

/// <summary>
/// Made-up but plausible and deterministic telemetry: a daily traffic curve (quiet at 04:00 UTC, busiest in the
/// afternoon) scaled by the service's speed, with noise from a hash of the service, series and sample time, so the
/// same request always gets the same answer. A few gaps (null values) recur every day; error counters are mostly 0.
/// </summary>
public static class TelemetrySynth
{
    private const long Minute = 60_000;
    private const long Day = 86_400_000;
    /// <summary>An answer carries at most about this many samples per series; longer ranges get coarser steps.</summary>
    public const int MaxSamples = 1000;

    private sealed record Metric(string[] Subtypes, string Unit, string UnitName);

    private static readonly Dictionary<string, Metric> Metrics = new()
    {
        ["BITS"] = new(["IN", "OUT"], "Mbps", "Megabits per second"),
        ["A_BITS"] = new(["IN", "OUT"], "Mbps", "Megabits per second"),
        ["B_BITS"] = new(["IN", "OUT"], "Mbps", "Megabits per second"),
        ["PACKETS"] = new(["IN", "OUT"], "pps", "Packets per second"),
        ["A_PACKETS"] = new(["IN", "OUT"], "pps", "Packets per second"),
        ["B_PACKETS"] = new(["IN", "OUT"], "pps", "Packets per second"),
        ["ERRORS"] = new(["IN", "OUT"], "errors", "Errors per interval"),
        ["OPTICAL"] = new(["TX", "RX"], "dBm", "Decibel-milliwatts"),
        ["OPTICAL_100G"] = new(["TX", "RX"], "dBm", "Decibel-milliwatts"),
        ["SPEED"] = new(["CURRENT"], "Mbps", "Megabits per second"),
        ["BYTES_RATE"] = new(["IN", "OUT"], "Bps", "Bytes per second"),
        ["BYTES_VOLUME"] = new(["IN", "OUT"], "GB", "Gigabytes per interval"),
    };

    /// <summary>Every type some kind offers must have a metric here (the tests check).</summary>
    public static bool Knows(string type) => Metrics.ContainsKey(type);

    /// <summary>The sample step for a range: 5 minutes, or a multiple of it that keeps the samples near <see cref="MaxSamples"/>.</summary>
    public static long Step(long from, long to)
    {
        var fives = (to - from) / (5 * Minute);
        return 5 * Minute * Math.Max(1, (fives + MaxSamples - 1) / MaxSamples);
    }

    /// <summary>
    /// The non-enveloped answer: <c>{serviceUid, type, timeFrame:{from,to}, data:[{type, subtype, samples:[[ms, v|null]], unit:{name, fullName}}]}</c>.
    /// Samples fall on whole steps, only while the service was live (from its live date, before its termination).
    /// </summary>
    public static void Write(Utf8JsonWriter w, Service s, TelemetrySpec spec, IReadOnlyList<string> types, long from, long to)
    {
        var step = Step(from, to);
        var liveFrom = s.LiveDate ?? long.MaxValue;
        var liveTo = s.TerminateDate ?? long.MaxValue;
        w.WriteStartObject();
        w.WriteString("serviceUid", s.Uid);
        w.WriteString("type", string.Join(",", types));
        w.WriteStartObject("timeFrame");
        w.WriteNumber("from", from);
        w.WriteNumber("to", to);
        w.WriteEndObject();
        w.WriteStartArray("data");
        foreach (var type in types)
        {
            var metric = Metrics[type];
            foreach (var subtype in metric.Subtypes)
            {
                w.WriteStartObject();
                w.WriteString("type", spec.Casing == SubtypeCase.LowerWithType ? type.ToLowerInvariant() : type);
                w.WriteString("subtype", Spell(subtype, spec.Casing));
                w.WriteStartArray("samples");
                for (var t = (from + step - 1) / step * step; t <= to; t += step)
                {
                    if (t < liveFrom || t >= liveTo) continue;
                    w.WriteStartArray();
                    w.WriteNumberValue(t);
                    if (Value(s, spec, type, subtype, t, step) is double v) w.WriteNumberValue(Math.Round(v, 3));
                    else w.WriteNullValue();
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteStartObject("unit");
                w.WriteString("name", metric.Unit);
                w.WriteString("fullName", metric.UnitName);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Spell(string subtype, SubtypeCase casing) => casing switch
    {
        SubtypeCase.Upper => subtype,
        SubtypeCase.Lower or SubtypeCase.LowerWithType => subtype.ToLowerInvariant(),
        SubtypeCase.Title => subtype[..1] + subtype[1..].ToLowerInvariant(),
        _ => throw new ArgumentOutOfRangeException(nameof(casing), casing, null),
    };

    /// <summary>One sample, or null for a gap: about three gaps a day, at the same times every day for a series.</summary>
    public static double? Value(Service s, TelemetrySpec spec, string type, string subtype, long t, long step)
    {
        var key = s.Uid + "/" + type + "/" + subtype;
        var slot = t / step;
        var slotsPerDay = Math.Max(1, Day / step);
        var gapPhase = (long)(Hash(key) % (ulong)slotsPerDay);
        if (slotsPerDay >= 24 && ((slot - gapPhase) % (slotsPerDay / 3 + 1) + (slotsPerDay / 3 + 1)) % (slotsPerDay / 3 + 1) == 0) return null;
        var noise = Hash(key + "@" + t) % 1000 / 1000.0;   // 0..1
        var speed = Math.Max(1, spec.Speed(s));
        var hour = t % Day / (double)Day * 24;
        // 0 at 04:00 UTC, 1 at 16:00 UTC.
        var daily = 0.5 - 0.5 * Math.Cos((hour - 4) / 24 * 2 * Math.PI);
        var share = 0.08 + 0.45 * daily + 0.07 * noise;
        var isOut = subtype is "OUT" or "TX";
        var mbps = speed * share * (isOut ? 0.72 : 1.0);
        return type switch
        {
            "BITS" or "A_BITS" => mbps,
            "B_BITS" => speed * share * (isOut ? 1.0 : 0.72),
            "PACKETS" or "A_PACKETS" or "B_PACKETS" => mbps * 1_000_000 / 8 / 800,
            "BYTES_RATE" => mbps * 1_000_000 / 8,
            "BYTES_VOLUME" => mbps / 8 * (step / 1000.0) / 1000,
            // Mostly clean; now and then a burst of a few errors.
            "ERRORS" => noise > 0.97 ? Math.Floor(noise * 1000 - 965) : 0,
            "OPTICAL" or "OPTICAL_100G" => (isOut ? -1.9 : -3.4) + 0.2 * (noise - 0.5),
            "SPEED" => speed,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no metric for this type"),
        };
    }

    /// <summary>FNV-1a: stable across runs and platforms (string.GetHashCode is not).</summary>
    private static ulong Hash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text) { h ^= c; h *= 1099511628211UL; }
        return h;
    }
}
