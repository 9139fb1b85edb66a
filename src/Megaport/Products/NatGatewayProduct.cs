using System;
using System.Collections.Generic;
using System.Linq;
using Megaport.Api;
using Megaport.Api.Requests;
using Newtonsoft.Json.Linq;

namespace Megaport.Products
{
    /// <summary>
    /// NAT gateways: created as a DESIGN, priced and bought by UID, changed by sending the whole gateway, removed at
    /// once when bought (a design is deleted instead). Their own reads send ISO dates and no productType.
    /// </summary>
    internal sealed class NatGatewayProduct : ProductDescriptor<NatGateway>
    {
        /// <summary>The speeds tab completion offers before the session matrix has been read.</summary>
        public static readonly int[] Speeds = { 1000, 2500, 5000, 10000 };
        public const string ApiType = "NAT_GATEWAY";
        const string Path = "/v3/products/nat_gateways";

        public override string Name => "NatGateway";
        public override IReadOnlyList<string> ApiTypes { get; } = new[] { ApiType };
        public override string Noun => "NAT gateway";
        public override string? CmdletNoun => "MegaportNatGateway";
        public override string? UpdatePath(string productUid) => Path + "/" + Uri.EscapeDataString(productUid);
        public override string? DesignPath => Path;
        /// <summary>NAT gateways are measured at their own path, not under /v2/product.</summary>
        public override int Mbps(Service service) => ((NatGateway)service).Speed;
        public override TelemetryKind Telemetry { get; } = new(Path,
            new[] { "BITS", "PACKETS", "SPEED" }, new[] { "BITS", "PACKETS" }, "BITS");

        protected override NatGateway Read(JObject o)
        {
            var config = o.Obj("config");
            return ServiceReader.Located(new NatGateway
            {
                Speed = o.Int("speed") ?? o.Int("portSpeed") ?? 0,
                SessionCount = config.Int("sessionCount") ?? 0,
                Asn = config.Long("asn"),
                BgpShutdownDefault = config.Bool("bgpShutdownDefault"),
                AutoRenewTerm = o.Bool("autoRenewTerm"),
                PromoCode = o.Str("promoCode"),
                ServiceLevelReference = o.Str("serviceLevelReference"),
                OrderApprovalStatus = o.Str("orderApprovalStatus"),
                CreatedBy = o.Str("createdBy"),
                Tags = o.Objects("resourceTags").Where(t => t.Str("key") != null)
                    .Select(t => new KeyValuePair<string, string>(t.Str("key")!, t.Str("value") ?? "")).ToList(),
            }, o);
        }

        internal override object? PriceLine(Service service, Location? location, out string? whyNot)
        {
            var n = (NatGateway)service;
            whyNot = null;
            return new NatGatewaySpec
            {
                ProductName = n.Name, LocationId = n.LocationId ?? 0, Speed = n.Speed, Term = Math.Max(1, n.Term),
                Config = new NatGatewayConfig { Asn = n.Asn, DiversityZone = string.IsNullOrEmpty(n.DiversityZone) ? null : n.DiversityZone, SessionCount = n.SessionCount },
            }.AsLine();
        }

        public override string DisplayKind(Service service) => service is NatGateway { IsDesign: true } ? "NAT gateway design" : "NAT gateway";
        public override string? ImmediateRemovalOnly(Service service) => "NAT gateways";
        public override bool IsVxcEnd => true;
        public override int VxcEndSpeed(Service service) => ((NatGateway)service).Speed;
        public override VRouterTraits VRouter { get; } = new(PrefixListOwner.NatGateway, packetFilters: true, natAddresses: false, orderedVlan: false);
        public override IReadOnlyList<int> StandardSpeeds => Speeds;
    }
}
