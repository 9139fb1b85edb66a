namespace Megaport.Simulator.Products;

/// <summary>
/// The product kinds the simulator knows, in a fixed order (it decides the order of the nested arrays of a product
/// and of the kinds listed in order errors). Looking up a service whose kind is not registered throws.
/// </summary>
public sealed class ProductRegistry
{
    /// <summary>The registrations: one entry per kind.</summary>
    public static ProductRegistry Default { get; } = new(
        PortProduct.Kind, VxcProduct.Kind, IxProduct.Kind, McrProduct.Kind, MveProduct.Kind, MegadirectProduct.Kind, NatGatewayProduct.Kind);

    private readonly Dictionary<Type, ProductKind> _byModel = new();

    public ProductRegistry(params ProductKind[] kinds)
    {
        All = kinds;
        foreach (var k in kinds)
        {
            if (!_byModel.TryAdd(k.Model, k)) throw new ArgumentException($"{k.Model.Name} is registered twice");
            Unique(kinds, k, x => x.Type, "type");
            Unique(kinds, k, x => x.UpdatePath, "update path");
            Unique(kinds, k, x => x.AttachedAs, "attachment key");
        }
    }

    public IReadOnlyList<ProductKind> All { get; }

    /// <summary>Kinds that hang off a product (VXCs, IXs), in registration order.</summary>
    public IEnumerable<ProductKind> Attached => All.Where(k => k.AttachedAs is not null);

    /// <summary>Attached kinds an order item can hold under their <see cref="ProductKind.AttachedAs"/> key.</summary>
    public IEnumerable<ProductKind> OrderableAttached => Attached.Where(k => k.Order.Orderable);

    /// <summary>Top-level kinds an order item can name in <c>productType</c>.</summary>
    public IEnumerable<ProductKind> OrderableItems => All.Where(k => k.AttachedAs is null && k.Order.Orderable);

    public ProductKind Of(Service s) => Of(s.GetType());

    public ProductKind Of(Type model) => _byModel.TryGetValue(model, out var kind)
        ? kind
        : throw new InvalidOperationException($"{model.Name} is not a registered product kind (add it to ProductRegistry.Default)");

    /// <summary>The top-level kind an order item's <c>productType</c> names (any case), or null.</summary>
    public ProductKind? ItemKind(string productType) =>
        OrderableItems.FirstOrDefault(k => k.Type == productType.ToUpperInvariant());

    private static void Unique(ProductKind[] kinds, ProductKind k, Func<ProductKind, string?> key, string what)
    {
        if (key(k) is { } value && kinds.Count(x => key(x) == value) > 1)
            throw new ArgumentException($"{what} {value} is registered twice");
    }
}
