using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Megaport.Products
{
    /// <summary>
    /// Every product type the module has no class for, read as a plain Megaport.Service: the legacy MEGADIRECT, and
    /// whatever new type the API starts sending before the module knows it. Readable, not changeable.
    /// </summary>
    internal sealed class OtherProduct : ProductDescriptor<Service>
    {
        public override string Name => "Service";
        /// <summary>MEGADIRECT is the one known by name; unknown types come here through <see cref="Products.ForApiType"/>.</summary>
        public override IReadOnlyList<string> ApiTypes { get; } = new[] { "MEGADIRECT" };
        public override string Noun => "service";
        public override string? CmdletNoun => null;
        public override string? UpdatePath(string productUid) => null;
        /// <summary>The API keeps no telemetry for MEGADIRECT or for types the module does not know.</summary>
        public override int Mbps(Service service) => 0;
        public override TelemetryKind? Telemetry => null;
        public override string NotChangeableReason => "today's Megaport API can read it but offers no way to order or change one";

        internal override object? PriceLine(Service service, Location? location, out string? whyNot)
        {
            whyNot = NotChangeableReason;
            return null;
        }

        protected override Service Read(JObject o) => new();

        public override string DisplayKind(Service service) => service.ProductType;
    }
}
