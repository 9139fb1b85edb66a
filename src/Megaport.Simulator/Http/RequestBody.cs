using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Http;

/// <summary>
/// Reading API request bodies as the real API's JSON binder does: JSON only, names matched exactly, unknown names
/// skipped and noted for the journal (<see cref="Skipped"/>), a repeated name's last value wins. Anything that is not a
/// JSON body of the right shape is a 400 envelope, never a 500.
/// </summary>
public static class RequestBody
{
    private const string SkippedKey = "SkippedFields";
    private const string ReadKey = "BodyRead";
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>The names the endpoint skipped; null when it never read a body.</summary>
    public static IReadOnlyList<string>? Skipped(HttpContext ctx) => ctx.Items[SkippedKey] as IReadOnlyList<string>;

    /// <summary>Whether the endpoint read the body (one that did not skipped all of it).</summary>
    public static bool WasRead(HttpContext ctx) => ctx.Items.ContainsKey(ReadKey);

    /// <summary>Marks the body as read by other means (the token endpoint's form).</summary>
    public static void MarkRead(HttpContext ctx) => ctx.Items[ReadKey] = true;

    /// <summary>Any JSON value of <paramref name="shape"/> (orders); a body of <c>null</c> is refused as empty.</summary>
    public static async Task<(JsonNode? Body, ApiResult? Error)> ReadNodeAsync(HttpContext ctx, Shape shape)
    {
        MarkRead(ctx);
        var bytes = await ReadAllAsync(ctx);
        if (IsBlank(bytes)) return (null, Invalid("The request body is empty"));
        var type = ctx.Request.ContentType;
        if (!IsJson(type)) return (null, Invalid($"Content type '{type ?? "(none)"}' is not supported: send application/json"));
        if (!Utf8.IsValid(bytes)) return (null, Invalid("Malformed JSON: the body is not valid UTF-8"));
        JsonNode? node;
        try
        {
            using var doc = JsonDocument.Parse(bytes, Options);
            node = ToNode(doc.RootElement);
        }
        catch (JsonException ex)
        {
            return (null, Invalid("Malformed JSON: " + ex.Message));
        }
        catch (InvalidOperationException ex) // a string escape that is no text (a lone surrogate)
        {
            return (null, Invalid("Malformed JSON: " + ex.Message));
        }
        if (node is null) return (null, Invalid("The request body is empty"));
        try
        {
            ctx.Items[SkippedKey] = shape.Walk(node);
        }
        catch (BodyShapeException ex)
        {
            return (null, Invalid("JSON parse error: " + ex.Message));
        }
        return (node, null);
    }

    /// <summary>A JSON object of <paramref name="shape"/> (updates, tags, service keys, admin).</summary>
    public static async Task<(JsonObject? Body, ApiResult? Error)> ReadObjectAsync(HttpContext ctx, ObjectShape shape)
    {
        var (node, error) = await ReadNodeAsync(ctx, shape);
        if (error is not null) return (null, error);
        return node is JsonObject o ? (o, null) : (null, Invalid("The request body must be a JSON object"));
    }

    private static ApiResult Invalid(string detail) => Api.BadRequest("Invalid request", detail);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mt) && mt.MediaType is { } m &&
        (m.Equals("application/json", StringComparison.OrdinalIgnoreCase) || m.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsBlank(byte[] bytes) => bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private static async Task<byte[]> ReadAllAsync(HttpContext ctx)
    {
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>A mutable tree, case-sensitive, where a repeated name keeps its last value (as the real API's binder does).</summary>
    private static JsonNode? ToNode(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ToObject(e),
        JsonValueKind.Array => new JsonArray(e.EnumerateArray().Select(ToNode).ToArray()),
        JsonValueKind.String => JsonValue.Create(e.GetString()!),
        JsonValueKind.Number => JsonValue.Create(e.Clone()),
        JsonValueKind.True => JsonValue.Create(true),
        JsonValueKind.False => JsonValue.Create(false),
        _ => null,
    };

    private static JsonObject ToObject(JsonElement e)
    {
        var o = new JsonObject();
        foreach (var p in e.EnumerateObject()) o[p.Name] = ToNode(p.Value);
        return o;
    }
}
