using System;
using System.Collections.Generic;
using Megaport.Api;
using Megaport.Api.Requests;
using Newtonsoft.Json.Linq;

namespace Megaport.Products
{
    /// <summary>Internet exchange connections, listed under their port.</summary>
    internal sealed class IxProduct : ProductDescriptor<Ix>
    {
        public override string Name => "Ix";
        public override IReadOnlyList<string> ApiTypes { get; } = new[] { "IX" };
        public override string Noun => "IX";
        public override string? CmdletNoun => "MegaportIx";
        public override string? UpdatePath(string productUid) => "/v2/product/ix/" + Uri.EscapeDataString(productUid);
        public override int Mbps(Service service) => ((Ix)service).RateLimit;
        public override TelemetryKind Telemetry { get; } = new("/v2/product/ix",
            new[] { "BITS", "PACKETS" }, new[] { "BITS", "PACKETS" }, "BITS");
        public override string? ListedUnder => "associatedIxs";

        protected override Ix Read(JObject o) => new()
        {
            RateLimit = o.Int("rateLimit") ?? 0,
            NetworkServiceType = o.Str("networkServiceType"),
            Asn = o.Long("asn"),
            MacAddress = o.Str("macAddress"),
            Vlan = o.Int("vlan"),
            PortUid = o.Obj("aEnd").Str("productUid") ?? o.Str("aEndProductUid") ?? o.Str("portUid"),
            Shutdown = o.Bool("shutdown"),
        };

        internal override object? PriceLine(Service service, Location? location, out string? whyNot)
        {
            var ix = (Ix)service;
            whyNot = ix.PortUid == null || ix.NetworkServiceType == null || ix.Asn == null ? "its port, exchange or ASN is not known" : null;
            return whyNot != null ? null : new IxOrder(ix.PortUid!, new IxOrderDetail
            {
                Name = ix.Name, NetworkServiceType = ix.NetworkServiceType!, Asn = ix.Asn!.Value, MacAddress = ix.MacAddress ?? "", RateLimit = ix.RateLimit, Vlan = 0,
            });
        }

        public override void AttachToParent(Service child, Service parent)
        {
            if (child is Ix ix && ix.PortUid == null) ix.PortUid = parent.ProductUid;
        }
    }
}
