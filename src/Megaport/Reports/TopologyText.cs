using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Megaport.Reports
{
    /// <summary>The topology as text: a console tree (├─ └─), Mermaid (wikis) and Graphviz DOT.</summary>
    internal static class TopologyText
    {
        /// <summary>The console tree fits this many columns.</summary>
        public const int Width = 120;

        public static string Tree(Topology t, int width)
        {
            var lines = new List<string>();
            if (t.Metros.Length == 0) lines.Add("(no active services)");
            foreach (var metro in t.Metros)
            {
                lines.Add(metro.Name);
                for (var i = 0; i < metro.Services.Length; i++)
                {
                    var n = metro.Services[i];
                    var lastNode = i == metro.Services.Length - 1;
                    lines.Add((lastNode ? "└─ " : "├─ ") + NodeLabel(n));
                    for (var j = 0; j < n.Links.Length; j++)
                        lines.Add((lastNode ? "   " : "│  ") + (j == n.Links.Length - 1 ? "└─ " : "├─ ") + LinkLabel(n.Links[j]));
                }
            }
            return string.Join(Environment.NewLine, lines.Select(l => Fit(l, width)));
        }

        static string NodeLabel(TopologyNode n) =>
            string.Join(" · ", new[] { $"{n.Name} [{n.Kind}{(n.Speed > 0 ? " " + TopologyBuilder.Speed(n.Speed) : "")}]", n.LocationName, n.ProvisioningStatus }
                .Where(x => !string.IsNullOrEmpty(x)));

        static string LinkLabel(TopologyLink l) =>
            $"{l.Kind} {l.Name}{(l.RateLimit > 0 ? " (" + TopologyBuilder.Speed(l.RateLimit) + ")" : "")} {(l.Outgoing ? "→" : "←")} {EndLabel(l.OtherEnd)}";

        public static string EndLabel(TopologyEnd e) => e.Kind switch
        {
            TopologyEndKind.Service => e.Name,
            TopologyEndKind.Cloud => $"{e.Name} ({e.ConnectType} cloud)",
            TopologyEndKind.Internet => "Internet (" + e.Name + ")",
            TopologyEndKind.Partner => e.Name + (e.CompanyName != null ? $" ({e.CompanyName})" : " (partner port)"),
            TopologyEndKind.Exchange => e.Name + " (internet exchange)",
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, null),
        };

        /// <summary>Cut to <paramref name="width"/> columns with an ellipsis (the box characters and arrows are one column each).</summary>
        public static string Fit(string line, int width) => line.Length <= width ? line : line.Substring(0, width - 1) + "…";

        // ------------------------------------------------------------------ Mermaid and DOT

        /// <summary>Short stable ids: s1, s2 ... for the account's services, e1, e2 ... for far ends (one per partner port).</summary>
        sealed class Ids
        {
            readonly Dictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);
            public readonly List<(string Id, TopologyEnd End)> Ends = new();

            public string Node(TopologyNode n) => Get("n:" + n.ProductUid, "s");

            public string End(TopologyEnd e)
            {
                if (e.Kind == TopologyEndKind.Service) return Get("n:" + e.ProductUid, "s");
                var key = "e:" + e.Kind + ":" + (e.ProductUid ?? e.Name);
                var known = _ids.ContainsKey(key);
                var id = Get(key, "e");
                if (!known) Ends.Add((id, e));
                return id;
            }

            string Get(string key, string prefix)
            {
                if (!_ids.TryGetValue(key, out var id)) _ids[key] = id = prefix + (_ids.Count + 1);
                return id;
            }
        }

        /// <summary>Each link once: a VXC between two of the account's services is drawn from its A-End only.</summary>
        static IEnumerable<(TopologyNode From, TopologyLink Link)> Edges(Topology t) =>
            t.Metros.SelectMany(m => m.Services).SelectMany(n => n.Links.Select(l => (n, l)))
                .Where(x => x.l.Outgoing || x.l.OtherEnd.Kind != TopologyEndKind.Service);

        public static string Mermaid(Topology t)
        {
            var ids = new Ids();
            var sb = new StringBuilder("flowchart LR\n");
            var m = 0;
            foreach (var metro in t.Metros)
            {
                sb.Append("  subgraph metro").Append(++m).Append("[\"").Append(MermaidText(metro.Name)).Append("\"]\n");
                foreach (var n in metro.Services)
                    sb.Append("    ").Append(ids.Node(n)).Append("[\"").Append(MermaidText(n.Name)).Append("<br/>").Append(MermaidText((n.Kind + " " + TopologyBuilder.Speed(n.Speed)).TrimEnd())).Append("\"]\n");
                sb.Append("  end\n");
            }
            var edges = new StringBuilder();
            foreach (var (from, l) in Edges(t))
            {
                var a = ids.Node(from);
                var b = ids.End(l.OtherEnd);
                var label = MermaidText(l.Kind + " " + l.Name + (l.RateLimit > 0 ? " " + TopologyBuilder.Speed(l.RateLimit) : ""));
                edges.Append("  ").Append(l.Outgoing ? a : b).Append(" -- \"").Append(label).Append("\" --> ").Append(l.Outgoing ? b : a).Append('\n');
            }
            foreach (var (id, e) in ids.Ends)
                sb.Append("  ").Append(id).Append("([\"").Append(MermaidText(EndLabel(e))).Append("\"])\n");
            return sb.Append(edges).ToString().TrimEnd('\n');
        }

        static string MermaidText(string s) => s.Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");

        public static string Dot(Topology t)
        {
            var ids = new Ids();
            var sb = new StringBuilder("digraph megaport {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
            var m = 0;
            foreach (var metro in t.Metros)
            {
                sb.Append("  subgraph cluster_").Append(++m).Append(" {\n    label=").Append(DotText(metro.Name)).Append(";\n");
                foreach (var n in metro.Services)
                    sb.Append("    ").Append(ids.Node(n)).Append(" [label=").Append(DotText(n.Name + "\n" + (n.Kind + " " + TopologyBuilder.Speed(n.Speed)).TrimEnd())).Append("];\n");
                sb.Append("  }\n");
            }
            var edges = new StringBuilder();
            foreach (var (from, l) in Edges(t))
            {
                var a = ids.Node(from);
                var b = ids.End(l.OtherEnd);
                edges.Append("  ").Append(l.Outgoing ? a : b).Append(" -> ").Append(l.Outgoing ? b : a)
                    .Append(" [label=").Append(DotText(l.Kind + " " + l.Name + (l.RateLimit > 0 ? "\n" + TopologyBuilder.Speed(l.RateLimit) : ""))).Append("];\n");
            }
            foreach (var (id, e) in ids.Ends)
                sb.Append("  ").Append(id).Append(" [shape=ellipse, label=").Append(DotText(EndLabel(e))).Append("];\n");
            return sb.Append(edges).Append('}').ToString();
        }

        static string DotText(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
    }
}
