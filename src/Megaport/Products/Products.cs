using System;
using System.Collections.Generic;
using System.Linq;

namespace Megaport.Products
{
    /// <summary>
    /// The registry of product descriptors: the one list to extend when the module learns a product. Lookups fail
    /// loudly for a model type nobody registered; an API productType nobody registered is read, on purpose, as a
    /// plain Megaport.Service (<see cref="OtherProduct"/>).
    /// </summary>
    internal static class Products
    {
        public static readonly PortProduct Port = new();
        public static readonly VxcProduct Vxc = new();
        public static readonly IxProduct Ix = new();
        public static readonly McrProduct Mcr = new();
        public static readonly MveProduct Mve = new();
        public static readonly NatGatewayProduct NatGateway = new();
        public static readonly OtherProduct Other = new();

        public static readonly IReadOnlyList<ProductDescriptor> All = new ProductDescriptor[] { Port, Vxc, Ix, Mcr, Mve, NatGateway, Other };

        static readonly Dictionary<string, ProductDescriptor> ByApiType = All
            .SelectMany(p => p.ApiTypes.Select(t => (Type: t, Product: p)))
            .ToDictionary(x => x.Type, x => x.Product, StringComparer.OrdinalIgnoreCase);

        static readonly Dictionary<Type, ProductDescriptor> ByModel = All.ToDictionary(p => p.ModelType);

        static readonly Dictionary<string, ProductDescriptor> ByName = All.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>The descriptor for an API productType; types the module has no class for are plain services.</summary>
        public static ProductDescriptor ForApiType(string? productType) =>
            productType != null && ByApiType.TryGetValue(productType, out var p) ? p : Other;

        /// <summary>The descriptor of a model object.</summary>
        public static ProductDescriptor Of(Service service) =>
            ByModel.TryGetValue(service.GetType(), out var p) ? p
                : throw new InvalidOperationException($"No product descriptor is registered for {service.GetType().FullName}.");

        /// <summary>The descriptor a -ProductType name means, or null.</summary>
        public static ProductDescriptor? Named(string name) => ByName.TryGetValue(name, out var p) ? p : null;

        /// <summary>The descriptor whose cmdlets have this noun (New-MegaportMcr → MegaportMcr), or null.</summary>
        public static ProductDescriptor? ForCmdletNoun(string noun) =>
            All.FirstOrDefault(p => string.Equals(p.CmdletNoun, noun, StringComparison.OrdinalIgnoreCase));

        public static IEnumerable<string> Names => All.Select(p => p.Name);
    }
}
