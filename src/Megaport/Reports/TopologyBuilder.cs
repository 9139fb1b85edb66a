using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Megaport.Api.Requests;

namespace Megaport.Reports
{
    /// <summary>
    /// Builds the account's topology from what Get-MegaportService reads: top-level services grouped by metro (a LAG's
    /// members as one node), each with its VXCs and IXs and what is at their other end. Inactive services are left out.
    /// </summary>
    internal static class TopologyBuilder
    {
        static readonly HashSet<string> Clouds = new(StringComparer.OrdinalIgnoreCase)
        {
            ConnectTypes.Aws, ConnectTypes.AwsHostedConnection, ConnectTypes.Azure, ConnectTypes.Google, ConnectTypes.Oracle, ConnectTypes.Ibm,
        };

        public static Topology Build(IReadOnlyList<Service> services, IReadOnlyList<Location> locations, IReadOnlyList<PartnerPort> partners, int width = TopologyText.Width)
        {
            var active = services.Where(s => !s.IsInactive).ToList();
            var locationById = locations.GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.First());
            var partnerByUid = partners.GroupBy(p => p.ProductUid, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

            // Every UID a link can name -> the node it lands on (a LAG member's UID lands on the LAG).
            var nodes = new List<TopologyNode>();
            var nodeOf = new Dictionary<string, TopologyNode>(StringComparer.OrdinalIgnoreCase);
            var links = new Dictionary<TopologyNode, List<TopologyLink>>();
            foreach (var s in active.Where(s => Products.Products.Of(s).ListedUnder == null))
            {
                if (s is Port { IsLagMember: true } member && LagPrimaryOf(member, active) is { } primary && primary != member)
                    continue;
                var product = Products.Products.Of(s);
                var lag = s is Port { IsLagMember: true } p ? active.OfType<Port>().Where(m => SameLag(m, p)).ToList() : null;
                var node = new TopologyNode
                {
                    ProductUid = s.ProductUid,
                    Name = s.Name,
                    Kind = lag != null ? "LAG" : product.DisplayKind(s),
                    Speed = lag?.Sum(m => m.Speed) ?? product.VxcEndSpeed(s),
                    LocationName = s.LocationId is int id && locationById.TryGetValue(id, out var loc) ? loc.Name : s.LocationName,
                    ProvisioningStatus = s.ProvisioningStatus,
                    Service = s,
                    MemberUids = lag?.Select(m => m.ProductUid).OrderBy(u => u, StringComparer.Ordinal).ToArray() ?? new[] { s.ProductUid },
                };
                nodes.Add(node);
                links[node] = new List<TopologyLink>();
                nodeOf[s.ProductUid] = node;
                foreach (var m in lag ?? new List<Port>()) nodeOf[m.ProductUid] = node;
            }

            foreach (var vxc in active.OfType<Vxc>())
            {
                var a = vxc.AEnd.ProductUid is string au && nodeOf.TryGetValue(au, out var an) ? an : null;
                var b = vxc.BEnd.ProductUid is string bu && nodeOf.TryGetValue(bu, out var bn) ? bn : null;
                if (a != null) links[a].Add(Link(vxc, vxc.RateLimit, true, b != null ? OwnEnd(b) : FarEnd(vxc, vxc.BEnd, partnerByUid)));
                if (b != null) links[b].Add(Link(vxc, vxc.RateLimit, false, a != null ? OwnEnd(a) : FarEnd(vxc, vxc.AEnd, partnerByUid)));
            }
            foreach (var ix in active.OfType<Ix>())
            {
                if (ix.PortUid == null || !nodeOf.TryGetValue(ix.PortUid, out var port)) continue;
                links[port].Add(Link(ix, ix.RateLimit, true, new TopologyEnd { Kind = TopologyEndKind.Exchange, Name = ix.NetworkServiceType ?? "internet exchange" }));
            }
            foreach (var n in nodes) n.Links = links[n].OrderBy(l => l.Kind, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToArray();

            var metros = nodes
                .GroupBy(n => MetroOf(n.Service, locationById))
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => new TopologyMetro
                {
                    Name = g.Key,
                    Services = g.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase).ThenBy(n => n.ProductUid, StringComparer.Ordinal).ToArray(),
                })
                .ToArray();
            var topology = new Topology { Metros = metros };
            topology.Tree = TopologyText.Tree(topology, width);
            return topology;
        }

        static bool SameLag(Port a, Port b) =>
            a.LagMemberUids.Contains(b.ProductUid, StringComparer.OrdinalIgnoreCase) || b.LagMemberUids.Contains(a.ProductUid, StringComparer.OrdinalIgnoreCase)
            || (a.AggregationId != 0 && a.AggregationId == b.AggregationId) || (a.LagId != 0 && a.LagId == b.LagId);

        /// <summary>The member that stands for the LAG: the primary, else the first by UID.</summary>
        static Port? LagPrimaryOf(Port member, IReadOnlyList<Service> active)
        {
            var lag = active.OfType<Port>().Where(p => SameLag(p, member)).ToList();
            return lag.FirstOrDefault(p => p.LagPrimary) ?? lag.OrderBy(p => p.ProductUid, StringComparer.Ordinal).FirstOrDefault();
        }

        static string MetroOf(Service s, Dictionary<int, Location> locations) =>
            s.LocationId is int id && locations.TryGetValue(id, out var l) ? l.Metro ?? l.Name : s.LocationName ?? "Unknown metro";

        static TopologyLink Link(Service s, int rate, bool outgoing, TopologyEnd end) => new()
        {
            ProductUid = s.ProductUid,
            Name = s.Name,
            Kind = s is Ix ? "IX" : "VXC",
            RateLimit = rate,
            Outgoing = outgoing,
            ProvisioningStatus = s.ProvisioningStatus,
            Service = s,
            OtherEnd = end,
        };

        static TopologyEnd OwnEnd(TopologyNode n) => new() { Kind = TopologyEndKind.Service, Name = n.Name, ProductUid = n.ProductUid };

        /// <summary>An end that is not the account's: a cloud, the Internet or another company's port, as its partner port says.</summary>
        static TopologyEnd FarEnd(Vxc vxc, VxcEnd end, Dictionary<string, PartnerPort> partners)
        {
            var partner = end.ProductUid != null && partners.TryGetValue(end.ProductUid, out var p) ? p : null;
            var type = (partner?.ConnectType ?? vxc.ConnectType)?.ToUpperInvariant();
            var kind = type == ConnectTypes.Transit ? TopologyEndKind.Internet
                : type != null && Clouds.Contains(type) ? TopologyEndKind.Cloud
                : TopologyEndKind.Partner;
            return new TopologyEnd
            {
                Kind = kind,
                Name = partner?.Name ?? end.ProductName ?? (kind == TopologyEndKind.Internet ? "Megaport Internet" : end.ProductUid ?? "unknown"),
                ProductUid = end.ProductUid,
                ConnectType = type,
                CompanyName = partner?.CompanyName,
            };
        }

        /// <summary>"10 Gbps", "500 Mbps", "2.5 Gbps".</summary>
        public static string Speed(int mbps) =>
            mbps <= 0 ? "" : mbps >= 1000 ? (mbps / 1000.0).ToString("0.##", CultureInfo.InvariantCulture) + " Gbps" : mbps.ToString(CultureInfo.InvariantCulture) + " Mbps";
    }
}
