using System.Text.Json.Nodes;
using Megaport.Simulator.Products;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Validation;

/// <summary>One service an order will create, with what validate reports about it.</summary>
public sealed class PlannedService
{
    public required Service Service { get; init; }
    public required string Metro { get; init; }
    public required Price Price { get; init; }
    /// <summary>The product the line item refers to (the A-End/port for VXCs and IXs; null for new ports).</summary>
    public string? LineProductUid { get; init; }
    /// <summary>Runs on buy once the service is stored and provisioning, with the order time (LAG ids, approvals, keys).</summary>
    public Action<SimulatorState, long>? Committed { get; init; }
    /// <summary>The service is an existing design (already stored): buying it starts its provisioning.</summary>
    public bool Design { get; init; }

    public string LineType => Service.Kind;
}

/// <summary>What the item array is checked for: a price (validate), a buy of new services (v4), or a buy of designs (v3).</summary>
public enum OrderMode { Validate, Buy, BuyDesigns }

/// <summary>
/// Checks a network design (the validate/buy item array) against the rules and the current state, and turns it into
/// services ready to be created. Each item goes to its kind's order rule. Any failure throws
/// <see cref="OrderValidationException"/>, so an order creates everything or nothing. Runs under the state lock;
/// VLANs taken by earlier items of the same order count as used.
/// </summary>
public sealed class OrderPlan
{
    private readonly Dictionary<string, HashSet<int>> _reserved = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PlannedService> _services = new();

    private OrderPlan(SimulatorState state, OrderMode mode)
    {
        State = state;
        Mode = mode;
    }

    public SimulatorState State { get; }
    public OrderMode Mode { get; }

    /// <summary>An item that names an existing design by UID alone: <c>{"productUid": …}</c>.</summary>
    private static readonly ObjectShape DesignItem = Shape.Fields("productUid");

    /// <summary>
    /// What one order item may carry: <c>{productUid, &lt;attached kind's key&gt;: [its fields]}</c>, or a top-level kind's
    /// fields chosen by <c>productType</c>.
    /// </summary>
    public static readonly Shape ItemShape = BuildItemShape(ProductRegistry.Default);

    private static Shape BuildItemShape(ProductRegistry registry)
    {
        var attached = registry.OrderableAttached.ToDictionary(
            k => k.AttachedAs!, k => Shape.Fields("productUid").With(k.AttachedAs!, Shape.ListOf(k.Order.Fields)));
        return Shape.OneOf(o =>
        {
            foreach (var (key, shape) in attached)
                if (o[key] is not null) return shape;
            if (o["productType"] is null && o["productUid"] is not null) return DesignItem;
            return o["productType"] is JsonValue v && v.TryGetValue<string>(out var type) ? registry.ItemKind(type)?.Order.Fields : null;
        }, attached.Values.Concat(registry.OrderableItems.Select(k => k.Order.Fields)).Append(DesignItem).ToArray());
    }

    public static List<PlannedService> Build(SimulatorState state, JsonArray items, OrderMode mode = OrderMode.Validate)
    {
        if (items.Count == 0) throw new OrderValidationException("The order contains no items");
        var plan = new OrderPlan(state, mode);
        for (var i = 0; i < items.Count; i++) plan.Item(i + 1, items[i]);
        return plan._services;
    }

    /// <summary>Adds a service to the plan.</summary>
    public void Add(PlannedService service) => _services.Add(service);

    /// <summary>The services earlier items of this order will create (an MCR's IPsec tunnels count them).</summary>
    public IEnumerable<Service> Planned => _services.Select(p => p.Service);

    private void Item(int n, JsonNode? node)
    {
        if (node is not JsonObject o) throw new OrderValidationException($"Item {n}: must be a JSON object");
        var registry = ProductRegistry.Default;
        var attached = registry.OrderableAttached.FirstOrDefault(k => o[k.AttachedAs!] is not null);
        if (attached is null && o["productType"] is null && o["productUid"] is not null) { DesignOf(n, o); return; }
        if (Mode == OrderMode.BuyDesigns)
            throw new OrderValidationException($"Item {n}: this buy takes designs only ([{{\"productUid\": …}}]); order new services with POST /v4/networkdesign/buy");
        if (attached is not null) { Many(n, o, attached); return; }
        var label = $"Item {n} ({(o["productName"] as JsonValue)?.ToString() ?? "unnamed"})";
        var type = o["productType"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : null;
        var f = new JsonFields(o, label, shape: type is null ? null : registry.ItemKind(type)?.Order.Fields);
        if (o["productType"] is not null && type is null) throw f.Fail("productType must be a string");
        var types = registry.OrderableItems.Select(k => k.Type).ToList();
        var typeList = types.Count == 1 ? types[0] : string.Join(", ", types[..^1]) + " or " + types[^1];
        if (type is null)
            throw f.Fail($"productType is required ({typeList}), or give {string.Join(" / ", registry.OrderableAttached.Select(k => k.AttachedAs))}");
        var item = registry.ItemKind(type) ?? throw f.Fail($"productType '{type}' is not supported ({typeList})");
        item.Order.Plan!(this, f, null);
    }

    /// <summary>An existing design named by UID alone goes to its kind's order rule, with the design's UID.</summary>
    private void DesignOf(int n, JsonObject o)
    {
        var uid = o["productUid"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(uid)) throw new OrderValidationException($"Item {n}: productUid must be a product UID");
        if (!State.Services.TryGetValue(uid, out var design)) throw new OrderValidationException($"Item {n}: productUid {uid} was not found");
        var kind = design.Descriptor;
        var label = $"Item {n} ({design.Name})";
        if (!kind.Order.BuysDesigns)
            throw new OrderValidationException($"{label}: productUid {uid} is a {kind.Word}, not a design; only designs are ordered by productUid alone");
        kind.Order.Plan!(this, new JsonFields(o, label, shape: DesignItem), uid);
    }

    /// <summary>Attached services come as an array under their product: <c>{"productUid":…, "associatedVxcs":[…]}</c>.</summary>
    private void Many(int n, JsonObject o, ProductKind kind)
    {
        var key = kind.AttachedAs!;
        if (o[key] is not JsonArray arr) throw new OrderValidationException($"Item {n}: {key} must be an array");
        if (arr.Count == 0) throw new OrderValidationException($"Item {n}: {key} is empty");
        var top = o["productUid"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (o["productUid"] is not null && top is null) throw new OrderValidationException($"Item {n}: productUid must be a string");
        for (var k = 0; k < arr.Count; k++)
        {
            var name = (arr[k] as JsonObject)?["productName"] is JsonValue nv ? nv.ToString() : "unnamed";
            var label = arr.Count == 1 ? $"Item {n} ({name})" : $"Item {n}.{k + 1} ({name})";
            if (arr[k] is not JsonObject child) throw new OrderValidationException($"{label}: must be a JSON object");
            kind.Order.Plan!(this, new JsonFields(child, label, shape: kind.Order.Fields), top);
        }
    }

    /// <summary>Takes a VLAN on an own product (0 picks the lowest free one); clashes with existing and same-order VLANs fail.</summary>
    public int Reserve(JsonFields f, PortLikeService p, int vlan, string field)
    {
        if (!p.TracksVlans) return vlan;
        if (!_reserved.TryGetValue(p.Uid, out var mine)) _reserved[p.Uid] = mine = new HashSet<int>();
        var used = State.VlansInUse(p.Uid).Select(x => x.Vlan).ToHashSet();
        used.UnionWith(mine);
        var word = p.Descriptor.EndWord;
        if (vlan == 0)
        {
            vlan = Enumerable.Range(2, 4092).FirstOrDefault(v => !used.Contains(v));
            if (vlan == 0) throw f.Fail($"{field}: no free VLAN left on {word} {p.Name}");
        }
        else if (used.Contains(vlan))
            throw f.Fail($"{field} {vlan} is already in use on {word} {p.Name} ({p.Uid})");
        mine.Add(vlan);
        return vlan;
    }
}
