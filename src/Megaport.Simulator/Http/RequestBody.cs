using System.Text.Json;
using System.Text.Json.Nodes;

namespace Megaport.Simulator.Http;

/// <summary>Reading API request bodies: field names in any case, and 400 envelopes for bodies that are not JSON.</summary>
public static class RequestBody
{
    public static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Any JSON value (orders); a body of <c>null</c> is refused as empty.</summary>
    public static async Task<(JsonNode? Body, ApiResult? Error)> ReadNodeAsync(HttpContext ctx)
    {
        var (node, error) = await ParseAsync(ctx);
        if (error is not null) return (null, error);
        return node is null ? (null, Api.BadRequest("Invalid request", "The request body is empty")) : (node, null);
    }

    /// <summary>A JSON object (updates, tags, service keys).</summary>
    public static async Task<(JsonObject? Body, ApiResult? Error)> ReadObjectAsync(HttpContext ctx)
    {
        var (node, error) = await ParseAsync(ctx);
        if (error is not null) return (null, error);
        return node is JsonObject o ? (o, null) : (null, Api.BadRequest("Invalid request", "The request body must be a JSON object"));
    }

    private static async Task<(JsonNode? Node, ApiResult? Error)> ParseAsync(HttpContext ctx)
    {
        try
        {
            return (await JsonNode.ParseAsync(ctx.Request.Body, CaseInsensitive, cancellationToken: ctx.RequestAborted), null);
        }
        catch (JsonException ex)
        {
            return (null, Api.BadRequest("Invalid request", "Malformed JSON: " + ex.Message));
        }
    }
}
