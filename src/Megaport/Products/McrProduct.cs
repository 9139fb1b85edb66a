using System;
using System.Collections.Generic;
using System.Linq;
using Megaport.Api;
using Megaport.Api.Requests;
using Newtonsoft.Json.Linq;

namespace Megaport.Products
{
    /// <summary>Megaport Cloud Routers (productType MCR2; older records say MCR).</summary>
    internal sealed class McrProduct : ProductDescriptor<Mcr>
    {
        public static readonly int[] Speeds = { 1000, 2500, 5000, 10000, 25000, 50000, 100000 };

        public override string Name => "Mcr";
        public override IReadOnlyList<string> ApiTypes { get; } = new[] { "MCR2", "MCR" };
        public override string Noun => "MCR";
        public override string? CmdletNoun => "MegaportMcr";
        public override string? UpdatePath(string productUid) => "/v2/product/mcr2/" + Uri.EscapeDataString(productUid);
        public override int Mbps(Service service) => ((Mcr)service).Speed;
        public override TelemetryKind Telemetry { get; } = new("/v2/product/mcr2",
            new[] { "BITS", "PACKETS", "ERRORS", "SPEED", "BYTES_RATE", "BYTES_VOLUME" }, new[] { "BITS", "PACKETS" }, "BITS");

        protected override Mcr Read(JObject o)
        {
            var router = o.Obj("resources").Obj("virtual_router");
            var ipsec = o.Objects("addOns").FirstOrDefault(a => string.Equals(a.Str("addOnType"), "IP_SEC", StringComparison.OrdinalIgnoreCase));
            return ServiceReader.Located(new Mcr
            {
                Speed = o.Int("portSpeed") ?? router.Int("speed") ?? 0,
                Asn = router.Long("mcrAsn") ?? o.Obj("config").Long("mcrAsn"),
                IpsecTunnelCount = ipsec.Int("tunnelCount") ?? 0,
                IpsecAddOnUid = ipsec.Str("addOnUid"),
            }, o);
        }

        public override string? ImmediateRemovalOnly(Service service) => "MCRs";
        public override bool IsVxcEnd => true;
        public override int VxcEndSpeed(Service service) => ((Mcr)service).Speed;
        public override VRouterTraits VRouter { get; } = new(PrefixListOwner.Mcr, packetFilters: false, natAddresses: true, orderedVlan: true);
        internal override object? PriceLine(Service service, Location? location, out string? whyNot)
        {
            whyNot = location == null ? "its location is not in the catalogue" : null;
            var m = (Mcr)service;
            return location == null ? null : new McrOrder
            {
                LocationId = location.Id, Name = m.Name, Term = Math.Max(1, m.Term), Speed = m.Speed,
                Config = new McrConfig { Asn = m.Asn, DiversityZone = string.IsNullOrEmpty(m.DiversityZone) ? null : m.DiversityZone },
                AddOns = m.IpsecTunnelCount > 0 ? new[] { McrAddOn.Ipsec(m.IpsecTunnelCount) } : null,
            };
        }

        public override int[]? OfferedSpeeds(Location location, string? zone) => location.GetMcrSpeeds(zone);
        public override IReadOnlyList<int> StandardSpeeds => Speeds;
    }
}
