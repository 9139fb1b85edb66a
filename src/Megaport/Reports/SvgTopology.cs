using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Megaport.Reports
{
    /// <summary>
    /// Lays the topology out as inline SVG: one lane per metro down the left with the account's services in it (an IX
    /// under its port), the far ends (clouds, the Internet, partners' ports) in a column on the right, each placed level
    /// with the services it serves, and each VXC as a labelled curve: to a far end across the page, between two of
    /// the account's services as a loop on the right of the lane.
    /// </summary>
    internal static class SvgTopology
    {
        const int Width = 1120;
        const int NodeX = 24, NodeW = 260, NodeH = 42;
        const int IxX = 52, IxW = 232, IxH = 32;
        const int Gap = 14, LaneHeader = 30;
        const int EndX = 840, EndW = 260, EndH = 38;

        sealed class Box
        {
            public double X, Y, W, H;
            public double Right => X + W;
            public double Middle => Y + H / 2;
        }

        public static string Render(Topology topology, Func<TopologyNode, bool> showNode, Func<TopologyLink, bool> showLink)
        {
            var body = new StringBuilder();
            var boxes = new Dictionary<string, Box>(StringComparer.OrdinalIgnoreCase);
            double y = 16;
            foreach (var metro in topology.Metros)
            {
                var nodes = metro.Services.Where(showNode).ToList();
                if (nodes.Count == 0) continue;
                var laneTop = y;
                var lane = new StringBuilder();
                y += LaneHeader;
                foreach (var n in nodes)
                {
                    var box = new Box { X = NodeX, Y = y, W = NodeW, H = NodeH };
                    boxes[n.ProductUid] = box;
                    lane.Append($"<g class=\"node\" data-uid=\"{A(n.ProductUid)}\" data-members=\"{A(string.Join(" ", n.MemberUids))}\" data-kind=\"{A(n.Kind)}\">")
                        .Append($"<title>{T(n.Name)} ({T(n.Kind)}) {T(n.ProductUid)}</title>")
                        .Append($"<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{NodeW}\" height=\"{NodeH}\" rx=\"6\"/>")
                        .Append($"<text x=\"{N(box.X + 10)}\" y=\"{N(box.Y + 17)}\" class=\"name\">{T(Cut(n.Name, 34))}</text>")
                        .Append($"<text x=\"{N(box.X + 10)}\" y=\"{N(box.Y + 33)}\" class=\"sub\">{T(Cut(Join(n.Kind, TopologyBuilder.Speed(n.Speed), n.ProvisioningStatus), 40))}</text>")
                        .Append("</g>");
                    y += NodeH + Gap;
                    foreach (var ix in n.Links.Where(l => l.Kind == "IX" && showLink(l)))
                    {
                        var ixBox = new Box { X = IxX, Y = y, W = IxW, H = IxH };
                        boxes[ix.ProductUid] = ixBox;
                        lane.Append($"<path class=\"link\" d=\"M{N(NodeX + 14)} {N(box.Y + NodeH)} V{N(ixBox.Middle)} H{N(IxX)}\"/>")
                            .Append($"<g class=\"node ix\" data-uid=\"{A(ix.ProductUid)}\" data-members=\"{A(ix.ProductUid)}\" data-kind=\"IX\">")
                            .Append($"<title>{T(ix.Name)} (IX) {T(ix.ProductUid)}</title>")
                            .Append($"<rect x=\"{N(ixBox.X)}\" y=\"{N(ixBox.Y)}\" width=\"{IxW}\" height=\"{IxH}\" rx=\"6\"/>")
                            .Append($"<text x=\"{N(ixBox.X + 8)}\" y=\"{N(ixBox.Y + 20)}\" class=\"sub\">{T(Cut("IX " + ix.Name + " → " + ix.OtherEnd.Name, 40))}</text>")
                            .Append("</g>");
                        y += IxH + Gap;
                    }
                }
                y += 4;
                body.Append($"<g class=\"metro\"><rect x=\"8\" y=\"{N(laneTop)}\" width=\"{NodeX + NodeW + 16 - 8}\" height=\"{N(y - laneTop)}\" rx=\"10\"/>")
                    .Append($"<text x=\"18\" y=\"{N(laneTop + 20)}\" class=\"metro-name\">{T(metro.Name)}</text></g>")
                    .Append(lane);
                y += 16;
            }

            // The VXCs to draw, once each, and the far ends they reach.
            var edges = new List<(TopologyNode From, TopologyLink Link)>();
            var ends = new Dictionary<string, (TopologyEnd End, List<double> Levels)>(StringComparer.OrdinalIgnoreCase);
            foreach (var n in topology.Metros.SelectMany(m => m.Services).Where(n => boxes.ContainsKey(n.ProductUid)))
            {
                foreach (var l in n.Links.Where(l => l.Kind == "VXC" && showLink(l)))
                {
                    if (l.OtherEnd.Kind == TopologyEndKind.Service)
                    {
                        if (!l.Outgoing && l.OtherEnd.ProductUid != null && boxes.ContainsKey(l.OtherEnd.ProductUid)) continue;   // drawn from its A-End
                        if (l.OtherEnd.ProductUid == null || !boxes.ContainsKey(l.OtherEnd.ProductUid)) { AddEnd(ends, l.OtherEnd, boxes[n.ProductUid].Middle); }
                    }
                    else AddEnd(ends, l.OtherEnd, boxes[n.ProductUid].Middle);
                    edges.Add((n, l));
                }
            }
            double endBottom = 16;
            var endBoxes = new Dictionary<string, Box>(StringComparer.OrdinalIgnoreCase);
            var endSvg = new StringBuilder();
            foreach (var entry in ends.OrderBy(e => e.Value.Levels.Average()).ThenBy(e => e.Key, StringComparer.Ordinal))
            {
                var (key, end, levels) = (entry.Key, entry.Value.End, entry.Value.Levels);
                var top = Math.Max(levels.Average() - EndH / 2.0, endBottom);
                var box = new Box { X = EndX, Y = top, W = EndW, H = EndH };
                endBoxes[key] = box;
                endBottom = top + EndH + 10;
                var kind = end.Kind.ToString().ToLowerInvariant();
                endSvg.Append($"<g class=\"end {kind}\" data-kind=\"{kind}\" data-uid=\"{A(end.ProductUid ?? "")}\">")
                    .Append($"<title>{T(TopologyText.EndLabel(end))}</title>")
                    .Append($"<rect x=\"{EndX}\" y=\"{N(top)}\" width=\"{EndW}\" height=\"{EndH}\" rx=\"19\"/>")
                    .Append($"<text x=\"{N(EndX + 14)}\" y=\"{N(top + 16)}\" class=\"name\">{T(Cut(end.Name, 36))}</text>")
                    .Append($"<text x=\"{N(EndX + 14)}\" y=\"{N(top + 31)}\" class=\"sub\">{T(EndKind(end))}</text></g>");
            }

            var edgeSvg = new StringBuilder();
            var fromCount = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var (from, l) in edges)
            {
                var a = boxes[from.ProductUid];
                var index = fromCount[from.ProductUid] = fromCount.TryGetValue(from.ProductUid, out var c) ? c + 1 : 0;
                var label = Cut(l.Name, 30) + (l.RateLimit > 0 ? " · " + TopologyBuilder.Speed(l.RateLimit) : "");
                string d;
                double lx, ly;
                if (l.OtherEnd.ProductUid != null && l.OtherEnd.Kind == TopologyEndKind.Service && boxes.TryGetValue(l.OtherEnd.ProductUid, out var b))
                {
                    // A loop out to the right of the lanes and back: the further apart, the wider.
                    var bulge = a.Right + 70 + Math.Min(300, Math.Abs(b.Middle - a.Middle) * 0.45) + 18 * index;
                    d = $"M{N(a.Right)} {N(a.Middle)} C{N(bulge)} {N(a.Middle)} {N(bulge)} {N(b.Middle)} {N(b.Right)} {N(b.Middle)}";
                    lx = a.Right + 0.75 * (bulge - a.Right);
                    ly = (a.Middle + b.Middle) / 2;
                }
                else
                {
                    var e = endBoxes[EndKey(l.OtherEnd)];
                    d = $"M{N(a.Right)} {N(a.Middle)} C{N(a.Right + 200)} {N(a.Middle)} {N(e.X - 200)} {N(e.Middle)} {N(e.X)} {N(e.Middle)}";
                    // Spread the labels of one service's VXCs along their curves.
                    var t = new[] { 0.5, 0.36, 0.64, 0.28, 0.72 }[index % 5];
                    lx = Bezier(a.Right, a.Right + 200, e.X - 200, e.X, t);
                    ly = Bezier(a.Middle, a.Middle, e.Middle, e.Middle, t);
                }
                edgeSvg.Append($"<g class=\"edge\" data-uid=\"{A(l.ProductUid)}\" data-from=\"{A(l.Outgoing ? from.ProductUid : l.OtherEnd.ProductUid ?? "")}\">")
                    .Append($"<title>{T(l.Name)} ({T(TopologyBuilder.Speed(l.RateLimit))}) {T(l.ProductUid)}</title>")
                    .Append($"<path d=\"{d}\"/>")
                    .Append($"<text x=\"{N(lx)}\" y=\"{N(ly - 4)}\" text-anchor=\"middle\">{T(label)}</text></g>");
            }

            var height = Math.Max(y, endBottom) + 10;
            return $"<svg id=\"topology-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {N(height)}\" width=\"100%\" role=\"img\" aria-label=\"Topology of the account\">"
                + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\"/></marker></defs>"
                + body + "<g class=\"edges\">" + edgeSvg + "</g>" + endSvg + "</svg>";
        }

        static void AddEnd(Dictionary<string, (TopologyEnd, List<double>)> ends, TopologyEnd end, double level)
        {
            var key = EndKey(end);
            if (!ends.TryGetValue(key, out var known)) ends[key] = known = (end, new List<double>());
            known.Item2.Add(level);
        }

        static string EndKey(TopologyEnd e) => e.Kind + ":" + (e.ProductUid ?? e.Name);

        static string EndKind(TopologyEnd e) => e.Kind switch
        {
            TopologyEndKind.Cloud => (e.ConnectType ?? "") + " cloud",
            TopologyEndKind.Internet => "Megaport Internet",
            TopologyEndKind.Partner => e.CompanyName ?? "partner port",
            TopologyEndKind.Exchange => "internet exchange",
            TopologyEndKind.Service => "service not in this report",
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, null),
        };

        static double Bezier(double p0, double p1, double p2, double p3, double t)
        {
            var u = 1 - t;
            return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
        }

        static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));

        internal static string Cut(string s, int max) => s.Length <= max ? s : s.Substring(0, max - 1) + "…";

        internal static string N(double v) => new StringBuilder(8).AppendN(v).ToString();

        /// <summary>
        /// Appends <paramref name="v"/> to one decimal, invariant ("12", "12.5", "-3"), without a string per number:
        /// a report's charts write about a million of them.
        /// </summary>
        internal static StringBuilder AppendN(this StringBuilder sb, double v)
        {
            var tenths = Math.Round(v * 10);
            if (double.IsNaN(tenths) || Math.Abs(tenths) > 1e15) return sb.Append(Math.Round(v, 1).ToString(CultureInfo.InvariantCulture));
            var t = (long)tenths;
            if (t < 0) { sb.Append('-'); t = -t; }
            sb.Append((t / 10).ToString(CultureInfo.InvariantCulture));
            if (t % 10 != 0) sb.Append('.').Append((char)('0' + t % 10));
            return sb;
        }

        /// <summary>Text content, escaped.</summary>
        internal static string T(string? s) => System.Net.WebUtility.HtmlEncode(s ?? "");

        /// <summary>An attribute value, escaped.</summary>
        internal static string A(string? s) => System.Net.WebUtility.HtmlEncode(s ?? "");
    }
}
