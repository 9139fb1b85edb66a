using System.Globalization;
using System.Text.Json.Nodes;

namespace Megaport.Simulator.Validation;

/// <summary>The order (or update) is invalid; <see cref="Exception.Message"/> is the API's <c>data</c> text.</summary>
public sealed class OrderValidationException(string detail) : Exception(detail);

/// <summary>A refusal the real API words in its own <c>message</c> (not "Validation failed"), with an optional detail in <c>data</c>.</summary>
public sealed class RequestRefusedException(string message, string? detail = null) : Exception(message)
{
    public string? Detail { get; } = detail;
}

/// <summary>
/// Typed access to one JSON object of a request, producing error texts that name the item and the field
/// (e.g. "Item 2 (vxc-b): aEnd.vlan 5000 is invalid ..."). Names match exactly, as in the real API. With a
/// <paramref name="shape"/>, reading a name the shape does not declare is a simulator bug (it would act on a field the
/// journal reports as ignored) and throws <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class JsonFields(JsonObject obj, string label, string prefix = "", ObjectShape? shape = null)
{
    public JsonObject Object => obj;
    public string Label => label;

    public OrderValidationException Fail(string message) => new(label.Length == 0 ? message : $"{label}: {message}");

    public string Path(string key) => prefix + key;

    public bool Has(string key) => Node(key) is not null;

    public JsonFields Sub(string key)
    {
        var node = Node(key);
        var sub = shape?.Known[key] as ObjectShape;
        if (node is null) return new JsonFields(new JsonObject(), label, prefix + key + ".", sub);
        if (node is not JsonObject o) throw Fail($"{Path(key)} must be an object");
        return new JsonFields(o, label, prefix + key + ".", sub);
    }

    private JsonNode? Node(string key)
    {
        if (shape is not null && !shape.Known.ContainsKey(key))
            throw new InvalidOperationException($"The simulator reads '{Path(key)}', which its request shape does not declare");
        return obj[key];
    }

    public string? Str(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        throw Fail($"{Path(key)} must be a string");
    }

    public long? Long(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        if (node is JsonValue v)
        {
            if (v.TryGetValue<long>(out var l)) return l;
            if (v.TryGetValue<double>(out var d) && Math.Abs(d % 1) < double.Epsilon && d is >= long.MinValue and <= long.MaxValue) return (long)d;
            if (v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out l)) return l;
        }
        throw Fail($"{Path(key)} must be a whole number");
    }

    public int? Int(string key)
    {
        var l = Long(key);
        if (l is null) return null;
        if (l is < int.MinValue or > int.MaxValue) throw Fail($"{Path(key)} {l} is out of range");
        return (int)l;
    }

    public bool? Bool(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        throw Fail($"{Path(key)} must be true or false");
    }

    public JsonArray? Arr(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        return node as JsonArray ?? throw Fail($"{Path(key)} must be an array");
    }

    public JsonObject? Obj(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        return node as JsonObject ?? throw Fail($"{Path(key)} must be an object");
    }
}
