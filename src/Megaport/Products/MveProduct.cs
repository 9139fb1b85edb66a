using System;
using System.Collections.Generic;
using System.Linq;
using Megaport.Api;
using Megaport.Api.Requests;
using Newtonsoft.Json.Linq;

namespace Megaport.Products
{
    /// <summary>Megaport Virtual Edges.</summary>
    internal sealed class MveProduct : ProductDescriptor<Mve>
    {
        public static readonly string[] Sizes = { "SMALL", "MEDIUM", "LARGE", "X_LARGE_12" };

        public override string Name => "Mve";
        public override IReadOnlyList<string> ApiTypes { get; } = new[] { "MVE" };
        public override string Noun => "MVE";
        public override string? CmdletNoun => "MegaportMve";
        public override string? UpdatePath(string productUid) => "/v2/product/mve/" + Uri.EscapeDataString(productUid);
        /// <summary>An MVE's bandwidth comes with its size, which the product record does not carry.</summary>
        public override int Mbps(Service service) => 0;
        public override TelemetryKind Telemetry { get; } = new("/v2/product/mve",
            new[] { "BITS", "PACKETS", "ERRORS" }, new[] { "BITS", "PACKETS" }, "BITS");

        protected override Mve Read(JObject o) => ServiceReader.Located(new Mve
        {
            Vendor = o.Str("vendor") ?? o.Obj("vendorConfig").Str("vendor"),
            Size = o.Str("mveSize") ?? o.Obj("vendorConfig").Str("productSize"),
            ImageId = o.Obj("vendorConfig").Int("imageId") ?? o.Obj("resources").Objects("virtual_machine").Select(vm => vm.Obj("image").Int("id")).FirstOrDefault(id => id != null),
            VnicDescriptions = o.Objects("vnics").Select(v => v.Str("description") ?? "").ToArray(),
        }, o);

        internal override object? PriceLine(Service service, Location? location, out string? whyNot)
        {
            whyNot = "an MVE is priced by its vendor image and size, which the API does not give back in full";
            return null;
        }

        public override string? ImmediateRemovalOnly(Service service) => "MVEs";
        /// <summary>An MVE end: its vNIC carries what the MVE size allows, which the API checks.</summary>
        public override bool IsVxcEnd => true;
    }
}
