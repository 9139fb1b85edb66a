using System;
using System.Collections.Generic;
using System.Linq;
using Megaport.Api;
using Megaport.Api.Requests;
using Newtonsoft.Json.Linq;

namespace Megaport.Products
{
    /// <summary>Ports (productType MEGAPORT), single or as LAG members.</summary>
    internal sealed class PortProduct : ProductDescriptor<Port>
    {
        public static readonly int[] Speeds = { 1000, 10000, 100000, 400000 };
        public static readonly int[] LagSpeeds = { 10000, 100000, 400000 };

        public override string Name => "Port";
        public override IReadOnlyList<string> ApiTypes { get; } = new[] { "MEGAPORT" };
        public override string Noun => "port";
        public override string? CmdletNoun => "MegaportPort";
        public override string? UpdatePath(string productUid) => "/v2/product/megaport/" + Uri.EscapeDataString(productUid);
        public override int Mbps(Service service) => ((Port)service).Speed;
        public override TelemetryKind Telemetry { get; } = new("/v2/product/megaport",
            new[] { "BITS", "PACKETS", "ERRORS", "OPTICAL", "OPTICAL_100G" }, new[] { "BITS", "PACKETS", "ERRORS" }, "BITS");

        protected override Port Read(JObject o) => ServiceReader.Located(new Port
        {
            Speed = o.Int("portSpeed") ?? 0,
            VxcPermitted = o.Bool("vxcpermitted"),
            VxcAutoApproval = o.Bool("vxcAutoApproval"),
            LagId = o.Int("lagId") ?? 0,
            AggregationId = o.Int("aggregationId") ?? 0,
            LagPrimary = o.Bool("lagPrimary"),
            Virtual = o.Bool("virtual"),
            IxUids = ServiceReader.Uids(o, "associatedIxs"),
        }, o);

        /// <summary>A LAG order creates one port per member; each knows all of them.</summary>
        protected override Port NewPlaceholder(IReadOnlyList<string> orderUids) =>
            new() { LagMemberUids = orderUids.Count > 1 ? orderUids.ToArray() : Array.Empty<string>() };

        public override string DisplayKind(Service service) => service is Port { IsLagMember: true } ? "LAG port" : "port";
        public override string? ImmediateRemovalOnly(Service service) => "ports and LAGs";
        public override bool IsVxcEnd => true;
        public override int VxcEndSpeed(Service service) => ((Port)service).Speed;

        public override void KeepOrderFacts(Service known, Service fresh)
        {
            if (fresh is Port p && p.LagMemberUids.Length == 0 && known is Port k) p.LagMemberUids = k.LagMemberUids;
        }

        /// <summary>A LAG member is priced as one port of its speed (the LAG costs the sum).</summary>
        internal override object? PriceLine(Service service, Location? location, out string? whyNot)
        {
            whyNot = location == null ? "its location is not in the catalogue" : null;
            var p = (Port)service;
            return location == null ? null : new PortOrder
            {
                Name = p.Name, Term = Math.Max(1, p.Term), Speed = p.Speed, LocationId = location.Id, Market = location.Market ?? "",
                Config = new ZoneConfig { DiversityZone = string.IsNullOrEmpty(p.DiversityZone) ? null : p.DiversityZone },
            };
        }

        public override int[]? OfferedSpeeds(Location location, string? zone) => location.GetPortSpeeds(zone);
        public override IReadOnlyList<int> StandardSpeeds => Speeds;
    }
}
