using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Megaport
{
    /// <summary>
    /// One telemetry series of a service (Get-MegaportTelemetry): one type (BITS, A_PACKETS, ...) and subtype (IN,
    /// OUT, ...) over a time frame, with its samples and their statistics. Gaps (no measurement) are samples whose
    /// Value is null; the statistics leave them out.
    /// </summary>
    public sealed class TelemetrySeries
    {
        public string ProductUid { get; internal set; } = "";
        public string ServiceName { get; internal set; } = "";
        /// <summary>The API's productType of the service (MEGAPORT, VXC, MCR2, ...).</summary>
        public string ProductType { get; internal set; } = "";
        /// <summary>Upper case (BITS, A_BITS, PACKETS, ERRORS, OPTICAL, SPEED, ...), whatever case the API sent.</summary>
        public string Type { get; internal set; } = "";
        /// <summary>Upper case (IN, OUT, ...), whatever case the API sent.</summary>
        public string Subtype { get; internal set; } = "";
        /// <summary>The unit's short name (Mbps, pps, ...).</summary>
        public string Unit { get; internal set; } = "";
        public string? UnitName { get; internal set; }
        public DateTime From { get; internal set; }
        public DateTime To { get; internal set; }
        public TelemetrySample[] Samples { get; internal set; } = Array.Empty<TelemetrySample>();
        public double? Minimum { get; internal set; }
        public double? Average { get; internal set; }
        public double? Maximum { get; internal set; }
        /// <summary>The 95th percentile (nearest rank) of the measured samples: what burstable billing bills.</summary>
        public double? Percentile95 { get; internal set; }
        /// <summary>How many samples are gaps (no value).</summary>
        public int Gaps { get; internal set; }

        /// <summary>The samples as a line of Unicode blocks (▁ to █, a space for a gap), <paramref name="width"/> characters at most.</summary>
        public string GetSparkline(int width) => Sparkline.Draw(Samples.Select(s => s.Value).ToArray(), width);

        /// <summary>The table view's sparkline (32 characters).</summary>
        public string Sparkline32 => GetSparkline(32);

        public override string ToString() => $"{ServiceName} {Type} {Subtype} ({Samples.Length} samples)";
    }

    /// <summary>One measurement of a series; a gap has no Value. Carries its series' names so Export-Csv rows stand alone.</summary>
    public sealed class TelemetrySample
    {
        public string ProductUid { get; internal set; } = "";
        public string Type { get; internal set; } = "";
        public string Subtype { get; internal set; } = "";
        /// <summary>UTC.</summary>
        public DateTime Timestamp { get; internal set; }
        /// <summary>The measured value, or null for a gap.</summary>
        public double? Value { get; internal set; }

        public override string ToString() =>
            Timestamp.ToString("u", CultureInfo.InvariantCulture) + " " + (Value?.ToString(CultureInfo.InvariantCulture) ?? "-");
    }

    /// <summary>Draws values as Unicode block characters, scaled from the smallest to the largest value.</summary>
    public static class Sparkline
    {
        const string Blocks = "▁▂▃▄▅▆▇█";

        /// <summary>
        /// One character per bucket of values (the bucket's largest, so a short burst stays visible); a bucket of gaps
        /// only is a space. Empty when there are no values.
        /// </summary>
        public static string Draw(IReadOnlyList<double?> values, int width)
        {
            if (values.Count == 0 || width <= 0) return "";
            var buckets = Math.Min(width, values.Count);
            var peaks = new double?[buckets];
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is not double v || double.IsNaN(v)) continue;
                var b = (int)((long)i * buckets / values.Count);
                peaks[b] = peaks[b] is double p ? Math.Max(p, v) : v;
            }
            var measured = peaks.Where(p => p != null).Select(p => p!.Value).ToList();
            if (measured.Count == 0) return new string(' ', buckets);
            double min = measured.Min(), max = measured.Max();
            var sb = new StringBuilder(buckets);
            foreach (var p in peaks)
            {
                if (p is not double v) { sb.Append(' '); continue; }
                var level = max > min ? (int)Math.Round((v - min) / (max - min) * (Blocks.Length - 1)) : Blocks.Length / 2;
                sb.Append(Blocks[Math.Max(0, Math.Min(Blocks.Length - 1, level))]);
            }
            return sb.ToString();
        }
    }
}
