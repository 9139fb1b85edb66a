using System.Text.Json.Nodes;

namespace Megaport.Simulator.Validation;

/// <summary>A body does not fit its shape (an object where a value goes, or the reverse): the API's binder refuses it.</summary>
public sealed class BodyShapeException(string message) : Exception(message);

/// <summary>
/// The fields a request body may carry, as the real API's request classes declare them. The API binds names exactly
/// (case-sensitive) and skips every name it does not declare, so <see cref="Walk"/> does the same: it lists the names it
/// skipped (as paths such as <c>networkDesign[0].associatedVxcs[0].bEnd.partnerConfig.RateLimit</c>) for the request
/// journal, and refuses a container where a value goes or the reverse, as a binder would. Scalar types (a string where
/// a number goes) are left to the endpoint's rules, which name the field in their own words.
/// </summary>
public abstract class Shape
{
    /// <summary>A cap on reported names, so a body of a million unknown keys cannot bloat the journal.</summary>
    public const int MaxReported = 200;

    /// <summary>A string, number or boolean (or null).</summary>
    public static readonly Shape Value = new ValueShape();

    /// <summary>Free-form: any JSON, nothing below is reported (content the API keeps as it came).</summary>
    public static readonly Shape Any = new AnyShape();

    public static Shape ListOf(Shape item) => new ListShape(item);

    /// <summary>An object with these value fields; add nested ones with <see cref="ObjectShape.With(string, Shape)"/>.</summary>
    public static ObjectShape Fields(params string[] values) => new ObjectShape().With(values);

    /// <summary>
    /// An object whose fields depend on its content (a type field, say). <paramref name="pick"/> returns the variant, or
    /// null when the content names none — then every variant's fields count as known (the rules refuse the body anyway).
    /// </summary>
    public static Shape OneOf(Func<JsonObject, ObjectShape?> pick, params ObjectShape[] variants) => new ChoiceShape(pick, variants);

    /// <summary>Checks <paramref name="body"/> and returns the names the API would skip. The root's own type is the endpoint's to check.</summary>
    public IReadOnlyList<string> Walk(JsonNode? body)
    {
        var skipped = new List<string>();
        Check(body, "", skipped, root: true);
        return skipped;
    }

    internal abstract void Check(JsonNode? node, string path, List<string> skipped, bool root = false);

    private protected static string Describe(JsonNode node) => node switch
    {
        JsonObject => "an object",
        JsonArray => "an array",
        _ => "a value",
    };

    private protected static string Where(string path) => path.Length == 0 ? "the body" : path;

    private sealed class ValueShape : Shape
    {
        internal override void Check(JsonNode? node, string path, List<string> skipped, bool root = false)
        {
            if (node is JsonObject or JsonArray) throw new BodyShapeException($"{Where(path)} must be a string, number or boolean (got {Describe(node)})");
        }
    }

    private sealed class AnyShape : Shape
    {
        internal override void Check(JsonNode? node, string path, List<string> skipped, bool root = false) { }
    }

    private sealed class ListShape(Shape item) : Shape
    {
        internal override void Check(JsonNode? node, string path, List<string> skipped, bool root = false)
        {
            if (node is null) return;
            if (node is not JsonArray a)
            {
                if (root) return;
                throw new BodyShapeException($"{Where(path)} must be an array (got {Describe(node)})");
            }
            for (var i = 0; i < a.Count; i++) item.Check(a[i], $"{path}[{i}]", skipped);
        }
    }

    private sealed class ChoiceShape(Func<JsonObject, ObjectShape?> pick, ObjectShape[] variants) : Shape
    {
        private readonly Lazy<ObjectShape> _all = new(() => variants.Aggregate(new ObjectShape(), (all, v) => all.Plus(v)));

        internal override void Check(JsonNode? node, string path, List<string> skipped, bool root = false)
        {
            var shape = node is JsonObject o ? pick(o) ?? _all.Value : _all.Value;
            shape.Check(node, path, skipped, root);
        }
    }
}

/// <summary>An object's known fields. Built once (static fields) with <see cref="With(string[])"/> and friends, then only read.</summary>
public sealed class ObjectShape : Shape
{
    private readonly Dictionary<string, Shape> _fields = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Shape> Known => _fields;

    public ObjectShape With(params string[] values)
    {
        foreach (var name in values) _fields[name] = Value;
        return this;
    }

    public ObjectShape With(string name, Shape shape)
    {
        _fields[name] = shape;
        return this;
    }

    /// <summary>A new shape with this one's fields and <paramref name="other"/>'s (this one's win on a clash).</summary>
    public ObjectShape Plus(ObjectShape other)
    {
        var merged = new ObjectShape();
        foreach (var (k, v) in other._fields) merged._fields[k] = v;
        foreach (var (k, v) in _fields) merged._fields[k] = v;
        return merged;
    }

    internal override void Check(JsonNode? node, string path, List<string> skipped, bool root = false)
    {
        if (node is null) return;
        if (node is not JsonObject o)
        {
            if (root) return;
            throw new BodyShapeException($"{Where(path)} must be an object (got {Describe(node)})");
        }
        foreach (var (name, value) in o)
        {
            var at = path.Length == 0 ? name : path + "." + name;
            if (_fields.TryGetValue(name, out var shape)) shape.Check(value, at, skipped);
            else if (skipped.Count < MaxReported) skipped.Add(at);
        }
    }
}
