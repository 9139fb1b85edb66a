using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using static Megaport.Reports.SvgTopology;

namespace Megaport.Reports
{
    /// <summary>
    /// A service's traffic over the report's period as an inline SVG line chart: IN and OUT (Mbps) against time, gaps
    /// left open, each direction's 95th percentile as a dashed line with its value, days marked along the bottom.
    /// </summary>
    internal static class SvgChart
    {
        const int W = 520, H = 170, Left = 52, Right = 10, Top = 12, Bottom = 26;

        public static string Render(ReportRow row, DateTime from, DateTime to)
        {
            var series = new[] { row.In, row.Out }.Where(s => s != null).Select(s => s!).ToList();
            var max = series.Select(s => s.Maximum ?? 0).DefaultIfEmpty(0).Max();
            var top = NiceCeiling(Math.Max(max, row.Speed > 0 ? Math.Min(row.Speed, max * 1.1 + 1) : 1));
            double plotW = W - Left - Right, plotH = H - Top - Bottom;
            var span = Math.Max(1, (to - from).TotalMilliseconds);
            double X(DateTime t) => Left + (t - from).TotalMilliseconds / span * plotW;
            double Y(double v) => Top + plotH - v / top * plotH;

            var points = series.Sum(s => s.Samples.Count(x => x.Value != null));
            var sb = new StringBuilder();
            sb.Append($"<svg class=\"chart\" data-uid=\"{A(row.Service.ProductUid)}\" data-points=\"{points}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" width=\"100%\" role=\"img\" aria-label=\"Traffic of {A(row.Service.Name)}\">");
            // Grid and axes: 0, half and the top of the scale; one tick per day (or per 6 hours for a short period).
            foreach (var f in new[] { 0.0, 0.5, 1.0 })
                sb.Append($"<line class=\"grid\" x1=\"{Left}\" x2=\"{W - Right}\" y1=\"{N(Y(top * f))}\" y2=\"{N(Y(top * f))}\"/>")
                    .Append($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{N(Y(top * f) + 4)}\" text-anchor=\"end\">{T(Mbps(top * f))}</text>");
            var tick = (to - from).TotalDays > 2 ? TimeSpan.FromDays(1) : TimeSpan.FromHours(6);
            var first = new DateTime(from.Ticks - from.Ticks % tick.Ticks + tick.Ticks, DateTimeKind.Utc);
            var labelEvery = Math.Max(1, (int)Math.Ceiling((to - from).TotalDays / 7 / Math.Max(1, tick.TotalDays)));
            var k = 0;
            for (var t = first; t < to; t += tick, k++)
            {
                sb.Append($"<line class=\"tick\" x1=\"{N(X(t))}\" x2=\"{N(X(t))}\" y1=\"{Top}\" y2=\"{H - Bottom}\"/>");
                if (k % labelEvery == 0)
                    sb.Append($"<text class=\"axis\" x=\"{N(X(t))}\" y=\"{H - 8}\" text-anchor=\"middle\">{T(tick.TotalDays >= 1 ? t.ToString("dd MMM", System.Globalization.CultureInfo.InvariantCulture) : t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))}</text>");
            }
            foreach (var s in series)
            {
                var cls = s == row.In ? "in" : "out";
                foreach (var run in Runs(s.Samples))
                {
                    sb.Append($"<polyline class=\"series {cls}\" points=\"");
                    var firstPoint = true;
                    foreach (var p in Thin(run, X))
                    {
                        if (!firstPoint) sb.Append(' ');
                        sb.AppendN(X(p.Timestamp)).Append(',').AppendN(Y(p.Value!.Value));
                        firstPoint = false;
                    }
                    sb.Append("\"/>");
                }
                if (s.Percentile95 is double p95)
                    sb.Append($"<line class=\"p95 {cls}\" data-value=\"{N(p95)}\" x1=\"{Left}\" x2=\"{W - Right}\" y1=\"{N(Y(p95))}\" y2=\"{N(Y(p95))}\"/>")
                        .Append(cls == "in"
                            ? $"<text class=\"p95-label in\" x=\"{W - Right - 4}\" y=\"{N(Y(p95) - 3)}\" text-anchor=\"end\">in 95th {T(Mbps(p95))}</text>"
                            : $"<text class=\"p95-label out\" x=\"{Left + 4}\" y=\"{N(Y(p95) + 11)}\">out 95th {T(Mbps(p95))}</text>");
            }
            if (points == 0)
                sb.Append($"<text class=\"empty\" x=\"{W / 2}\" y=\"{H / 2}\" text-anchor=\"middle\">{T(row.TelemetryError ?? "no measurements in this period")}</text>");
            return sb.Append("</svg>").ToString();
        }

        /// <summary>Unbroken runs of measured samples: a gap ends a line.</summary>
        static IEnumerable<List<TelemetrySample>> Runs(IEnumerable<TelemetrySample> samples)
        {
            var run = new List<TelemetrySample>();
            foreach (var s in samples)
            {
                if (s.Value != null) { run.Add(s); continue; }
                if (run.Count > 0) yield return run;
                run = new List<TelemetrySample>();
            }
            if (run.Count > 0) yield return run;
        }

        /// <summary>Horizontal pixels a drawn point stands for: a week of 5-minute samples is 2,016 points on a 458-pixel plot.</summary>
        const double PixelsPerPoint = 2;

        /// <summary>
        /// A run as drawn: per <see cref="PixelsPerPoint"/> pixels, its lowest and highest sample in time order, so
        /// every peak and trough stays on the line while the page carries no more points than the chart can show.
        /// </summary>
        static IEnumerable<TelemetrySample> Thin(List<TelemetrySample> run, Func<DateTime, double> x)
        {
            if (run.Count <= 2) { foreach (var s in run) yield return s; yield break; }
            var bucket = double.NaN;
            TelemetrySample? low = null, high = null;
            foreach (var s in run)
            {
                var b = Math.Floor(x(s.Timestamp) / PixelsPerPoint);
                if (b != bucket && low != null)
                {
                    foreach (var p in Ordered(low, high!)) yield return p;
                    low = high = null;
                }
                bucket = b;
                if (low == null || s.Value < low.Value) low = s;
                if (high == null || s.Value > high.Value) high = s;
            }
            if (low != null) foreach (var p in Ordered(low, high!)) yield return p;

            static IEnumerable<TelemetrySample> Ordered(TelemetrySample a, TelemetrySample b)
            {
                if (ReferenceEquals(a, b)) { yield return a; yield break; }
                if (a.Timestamp <= b.Timestamp) { yield return a; yield return b; }
                else { yield return b; yield return a; }
            }
        }

        /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="v"/>.</summary>
        static double NiceCeiling(double v)
        {
            if (v <= 0) return 1;
            var p = Math.Pow(10, Math.Floor(Math.Log10(v)));
            foreach (var m in new[] { 1.0, 2, 5, 10 }) if (m * p >= v) return m * p;
            return 10 * p;
        }

        static string Mbps(double v) => v >= 1000 ? (v / 1000).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " Gbps"
            : v.ToString(v >= 10 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture) + " Mbps";
    }
}
