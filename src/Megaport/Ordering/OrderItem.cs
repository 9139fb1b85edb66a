using Megaport.Products;

namespace Megaport.Ordering
{
    /// <summary>
    /// One order line (a port or LAG, a VXC, an IX, an MCR, an MVE): its request spec, and what the module needs to
    /// describe it, find it again and wait for it.
    /// </summary>
    internal sealed class OrderItem
    {
        public OrderItem(ProductDescriptor product, string name, object line, string description, int expectedServices = 1, object? design = null)
        {
            Product = product;
            Name = name;
            Line = line;
            Description = description;
            ExpectedServices = expectedServices;
            Design = design;
        }

        public ProductDescriptor Product { get; }
        public string Name { get; }
        /// <summary>The networkDesign item (a spec from Api/Requests) sent to validate and buy.</summary>
        public object Line { get; }
        /// <summary>"port 'syd-1' (10000 Mbps) at Global Switch Sydney (3), 12 months".</summary>
        public string Description { get; }
        /// <summary>How many services the buy creates (a LAG: one per member).</summary>
        public int ExpectedServices { get; }
        /// <summary>
        /// For products bought as a design (see ProductDescriptor.DesignPath): the body that creates the design, which is
        /// then validated and bought by UID. Null for products bought from <see cref="Line"/>.
        /// </summary>
        public object? Design { get; }

        public static string Months(int term) => term == 1 ? "1 month" : $"{term} months";
    }
}
