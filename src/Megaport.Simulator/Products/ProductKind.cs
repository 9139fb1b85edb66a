using System.Text.Json;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Products;

/// <summary>
/// What the shared simulator knows about one kind of product. Each kind declares one in its room and is listed once
/// in <see cref="ProductRegistry"/>; orders, rendering, updates and cancellation look the kind up instead of switching.
/// </summary>
public abstract class ProductKind
{
    private readonly string? _endWord;

    /// <summary>Canonical type: <c>productType</c> on the wire, the order item's <c>productType</c>, the line item type.</summary>
    public required string Type { get; init; }

    /// <summary>The kind in messages: "Port [uid] created.", "is a VXC, not a Port", "MCR … cannot be cancelled later".</summary>
    public required string Word { get; init; }

    /// <summary>A product of this kind as a VXC/IX end in messages ("port Sydney Primary", "MCR Sydney MCR").</summary>
    public string EndWord { get => _endWord ?? Word; init => _endWord = value; }

    /// <summary>
    /// Set for services that hang off a product (VXCs, IXs): the key of the order item array they are ordered in,
    /// which is also the array they are nested in under their product ("associatedVxcs"). Null for top-level kinds.
    /// </summary>
    public string? AttachedAs { get; init; }

    public required OrderRule Order { get; init; }

    /// <summary>What its telemetry endpoint measures, or null when the API keeps none for this kind (every kind says which).</summary>
    public required TelemetrySpec? Telemetry { get; init; }

    /// <summary>Endpoints only this kind has (e.g. a port's free VLANs); mapped once at start.</summary>
    public Action<WebApplication, SimulatorContext>? MapEndpoints { get; init; }

    public abstract Type Model { get; }
    /// <summary>The PUT route that updates this kind; null for read-only kinds.</summary>
    public abstract string? UpdatePath { get; }
    /// <summary>The fields that PUT takes; null for read-only kinds.</summary>
    public abstract ObjectShape? UpdateShape { get; }

    public abstract void Render(ProductJson json, Utf8JsonWriter w, Service s);
    public abstract void ApplyUpdate(SimulatorState state, Service s, JsonFields f);
    public abstract void WriteUpdateAnswer(ProductJson json, Utf8JsonWriter w, Service s);
    /// <summary>CANCEL (at the end of the term): null when allowed; otherwise how the refusal names the service.</summary>
    public abstract string? CancelLaterRefusal(SimulatorState state, Service s);
}

/// <summary>A kind whose services are <typeparamref name="T"/>; the typed delegates are the kind's own code.</summary>
public sealed class ProductKind<T> : ProductKind where T : Service
{
    public required Action<ProductJson, Utf8JsonWriter, T> Write { get; init; }
    public required UpdateRule<T> Update { get; init; }
    public required Func<SimulatorState, T, string?> CancelLater { get; init; }

    public override Type Model => typeof(T);
    public override string? UpdatePath => Update.Path;
    public override ObjectShape? UpdateShape => Update.Shape;

    public override void Render(ProductJson json, Utf8JsonWriter w, Service s) => Write(json, w, (T)s);

    public override void ApplyUpdate(SimulatorState state, Service s, JsonFields f) =>
        (Update.Apply ?? throw new InvalidOperationException($"{Type} is read-only"))(state, (T)s, f);

    public override void WriteUpdateAnswer(ProductJson json, Utf8JsonWriter w, Service s) =>
        (Update.Answer ?? throw new InvalidOperationException($"{Type} is read-only"))(json, w, (T)s);

    public override string? CancelLaterRefusal(SimulatorState state, Service s) => CancelLater(state, (T)s);
}

/// <summary>How a kind is ordered (validate/buy). <see cref="None"/>: it cannot be ordered.</summary>
public sealed class OrderRule
{
    public static readonly OrderRule None = new();

    private readonly Action<SimulatorState, Utf8JsonWriter, Service>? _buyAnswer;

    private OrderRule() { }

    /// <param name="plan">Checks one item and adds the services it creates to the plan; the string is the item's
    /// <c>productUid</c> for attached kinds (the product they hang off), null for top-level ones.</param>
    /// <param name="fields">The fields one order item (or one entry of the attached array) may carry.</param>
    /// <param name="buyAnswer">The kind's entry in the buy answer; default <c>{"technicalServiceUid":…}</c>.</param>
    /// <param name="buysDesigns">Its services are created first as designs and ordered by UID (<c>{"productUid":…}</c>):
    /// <paramref name="plan"/> then gets the design's UID.</param>
    public OrderRule(Action<OrderPlan, JsonFields, string?> plan, ObjectShape fields, Action<SimulatorState, Utf8JsonWriter, Service>? buyAnswer = null,
        bool buysDesigns = false)
    {
        Plan = plan;
        Fields = fields;
        _buyAnswer = buyAnswer;
        BuysDesigns = buysDesigns;
    }

    public bool BuysDesigns { get; }

    public Action<OrderPlan, JsonFields, string?>? Plan { get; }
    public ObjectShape Fields { get; } = new();
    public bool Orderable => Plan is not null;

    public void WriteBuyAnswer(SimulatorState state, Utf8JsonWriter w, Service s)
    {
        if (_buyAnswer is not null) { _buyAnswer(state, w, s); return; }
        w.WriteStartObject();
        w.WriteString("technicalServiceUid", s.Uid);
        w.WriteEndObject();
    }
}

/// <summary>The PUT that changes a kind: its route, how it applies the fields sent, and what it answers.</summary>
public sealed class UpdateRule<T> where T : Service
{
    /// <summary>No PUT route: every update path refuses the kind as "not a &lt;Word&gt;".</summary>
    public static readonly UpdateRule<T> ReadOnly = new();

    private UpdateRule() { }

    public UpdateRule(string path, ObjectShape shape, Action<SimulatorState, T, JsonFields> apply, Action<ProductJson, Utf8JsonWriter, T> answer)
    {
        Path = path;
        Shape = shape;
        Apply = apply;
        Answer = answer;
    }

    public string? Path { get; }
    public ObjectShape? Shape { get; }
    public Action<SimulatorState, T, JsonFields>? Apply { get; }
    public Action<ProductJson, Utf8JsonWriter, T>? Answer { get; }
}
