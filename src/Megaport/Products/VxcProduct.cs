using System;
using System.Collections.Generic;
using System.Linq;
using Megaport.Api;
using Megaport.Api.Requests;
using Newtonsoft.Json.Linq;

namespace Megaport.Products
{
    /// <summary>Virtual cross connects, listed under their ends.</summary>
    internal sealed class VxcProduct : ProductDescriptor<Vxc>
    {
        public override string Name => "Vxc";
        public override IReadOnlyList<string> ApiTypes { get; } = new[] { "VXC" };
        public override string Noun => "VXC";
        public override string? CmdletNoun => "MegaportVxc";
        public override string? UpdatePath(string productUid) => "/v3/product/vxc/" + Uri.EscapeDataString(productUid);
        public override int Mbps(Service service) => ((Vxc)service).RateLimit;
        public override TelemetryKind Telemetry { get; } = new("/v2/product/vxc",
            new[] { "A_BITS", "B_BITS", "A_PACKETS", "B_PACKETS" }, new[] { "A_BITS", "B_BITS" }, "A_BITS");
        public override string? ListedUnder => "associatedVxcs";

        protected override Vxc Read(JObject o)
        {
            var resources = o.Obj("resources");
            // csp_connection is an object or an array; the cloud end is the first that is not the MCR's own vRouter.
            var csp = resources.Objects("csp_connection").ToList();
            var cloud = csp.FirstOrDefault(c => !string.Equals(c.Str("connectType"), ConnectTypes.VRouter, StringComparison.OrdinalIgnoreCase)) ?? csp.FirstOrDefault();
            var approval = o.Obj("vxcApproval");
            var vll = resources.Obj("vll"); // [] on a decommissioned VXC
            return new Vxc
            {
                RateLimit = o.Int("rateLimit") ?? vll.Int("rate_limit_mbps") ?? 0,
                AEnd = End(o.Obj("aEnd")),
                BEnd = End(o.Obj("bEnd")),
                ConnectType = (cloud.Str("connectType") ?? o.Str("connectType"))?.ToUpperInvariant(),
                ApprovalStatus = approval.Str("status")?.ToUpperInvariant(),
                ApprovalMessage = approval.Str("message"),
                Shutdown = o.Bool("shutdown"),
                DistanceBand = o.Str("distanceBand"),
                ServiceId = o.Int("nServiceId"),
                Cloud = CloudOf(cloud),
                LocationId = o.Obj("aEnd").Int("locationId"),
                LocationName = o.Obj("aEnd").Str("location"),
            };
        }

        /// <summary>
        /// The cloud end's csp_connection entry. Each cloud names its identifiers its own way (snake or camel case),
        /// so each is read where that cloud puts it; an MCR's own vRouter end is not a cloud.
        /// </summary>
        static VxcCloudConnection? CloudOf(JObject? c)
        {
            var type = c.Str("connectType")?.ToUpperInvariant();
            if (type == null || type == ConnectTypes.VRouter) return null;
            return new VxcCloudConnection
            {
                ConnectType = type,
                Vlan = c.Int("vlan"),
                Bandwidth = c.Int("bandwidth"),
                AwsVirtualInterfaceId = NonEmpty(c.Str("vif_id")),
                AwsConnectionId = NonEmpty(c.Str("connectionId")),
                AwsAccountId = type is ConnectTypes.Aws or ConnectTypes.AwsHostedConnection ? NonEmpty(c.Str("ownerAccount") ?? c.Str("account")) : null,
                AwsInterfaceType = type == ConnectTypes.Aws ? NonEmpty(c.Str("type")) : null,
                AmazonAddress = NonEmpty(c.Str("amazon_address")),
                CustomerAddress = NonEmpty(c.Str("customer_address") ?? c.Str("customerIpAddress")),
                AmazonAsn = Positive(c.Long("amazonAsn")),
                CustomerAsn = Positive(c.Long("asn") ?? c.Long("customer_asn")),
                AzureServiceKey = NonEmpty(c.Str("service_key")),
                GooglePairingKey = NonEmpty(c.Str("pairingKey")),
                OracleVirtualCircuitId = NonEmpty(c.Str("virtualCircuitId")),
                IbmAccountId = NonEmpty(c.Str("account_id")),
            };
        }

        static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
        static long? Positive(long? n) => n is > 0 ? n : null;

        static VxcEnd End(JObject? e) => new()
        {
            ProductUid = e.Str("productUid"),
            ProductName = e.Str("productName"),
            OwnerUid = e.Str("ownerUid"),
            LocationId = e.Int("locationId"),
            Location = e.Str("location") ?? e.Obj("locationDetail").Str("name"),
            Vlan = e.Int("vlan"),
            InnerVlan = e.Int("innerVlan"),
            VNicIndex = e.Int("vNicIndex"),
            SecondaryName = e.Str("secondaryName"),
        };

        /// <summary>
        /// Priced like a new VXC between the same ends (VLANs left to Megaport); a VXC to a cloud needs the cloud's own
        /// settings (accounts, keys) to be priced, so its price is not asked for.
        /// </summary>
        internal override object? PriceLine(Service service, Location? location, out string? whyNot)
        {
            var v = (Vxc)service;
            whyNot = v.AEnd.ProductUid == null || v.BEnd.ProductUid == null ? "its ends are not known"
                : v.ConnectType is string ct && ct != ConnectTypes.Transit && ct != ConnectTypes.Marketplace && ct != ConnectTypes.VRouter
                    ? $"a {ct} VXC is priced only with the cloud's own settings"
                    : null;
            return whyNot != null ? null : new VxcOrder(v.AEnd.ProductUid!, new VxcOrderDetail
            {
                Name = v.Name, RateLimit = v.RateLimit, Term = Math.Max(1, v.Term),
                AEnd = new VxcOrderEnd { Vlan = 0 }, BEnd = new VxcOrderEnd { ProductUid = v.BEnd.ProductUid, Vlan = 0 },
            });
        }

        /// <summary>"AWS VXC", "VXC" (an MCR's own vRouter end is not a cloud).</summary>
        public override string DisplayKind(Service service) =>
            service is Vxc { ConnectType: string ct } && ct != ConnectTypes.VRouter ? ct + " VXC" : "VXC";

        /// <summary>Megaport Internet VXCs are removed only at once; others may end with their term.</summary>
        public override string? ImmediateRemovalOnly(Service service) =>
            service is Vxc { ConnectType: ConnectTypes.Transit } ? "Internet VXCs" : null;
    }
}
