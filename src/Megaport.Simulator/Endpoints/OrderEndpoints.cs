using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Admin;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Endpoints;

/// <summary>
/// The network-design order flow: <c>POST /v3/networkdesign/validate</c> (bare item array → priced line items),
/// <c>POST /v4/networkdesign/buy</c> (<c>{networkDesign, discountCodes}</c> → new services, all or nothing) and
/// <c>POST /v3/networkdesign/buy</c> (a bare array of <c>{productUid}</c> → the designs named start provisioning).
/// </summary>
public static class OrderEndpoints
{
    private static readonly Shape ValidateShape = Shape.ListOf(OrderPlan.ItemShape);
    private static readonly ObjectShape BuyShape = Shape.Fields()
        .With("networkDesign", Shape.ListOf(OrderPlan.ItemShape)).With("discountCodes", Shape.ListOf(Shape.Value));

    public static void MapOrders(this WebApplication app, SimulatorContext sim)
    {
        app.MapPost("/v3/networkdesign/validate", async (HttpContext ctx) =>
        {
            var (body, parseError) = await RequestBody.ReadNodeAsync(ctx, ValidateShape);
            if (parseError is not null) return Record(sim, "validate", body, parseError, []);
            if (body is not JsonArray items)
                return Record(sim, "validate", body, Api.BadRequest("Validation failed",
                    "The validate request body must be a JSON array of order items"), []);
            lock (sim.State.Gate)
            {
                sim.State.Advance();
                try
                {
                    var plan = OrderPlan.Build(sim.State, items);
                    return Record(sim, "validate", body, Api.Ok("Validation passed", w => WriteLineItems(w, plan)), []);
                }
                catch (OrderValidationException ex)
                {
                    return Record(sim, "validate", body, Api.BadRequest("Validation failed", ex.Message), []);
                }
            }
        });

        app.MapPost("/v3/networkdesign/buy", async (HttpContext ctx) =>
        {
            var (body, parseError) = await RequestBody.ReadNodeAsync(ctx, ValidateShape);
            if (parseError is not null) return Record(sim, "buy", body, parseError, []);
            if (body is not JsonArray items)
                return Record(sim, "buy", body, Api.BadRequest("Invalid request",
                    "The buy request body must be a JSON array of designs: [{\"productUid\":\"…\"}]"), []);
            return Buy(sim, body, items, OrderMode.BuyDesigns);
        });

        app.MapPost("/v4/networkdesign/buy", async (HttpContext ctx) =>
        {
            var (body, parseError) = await RequestBody.ReadNodeAsync(ctx, BuyShape);
            if (parseError is not null) return Record(sim, "buy", body, parseError, []);
            // v4 wraps the design; the bare array of the old /v3 buy is refused.
            if (body is not JsonObject wrapper || wrapper["networkDesign"] is not JsonArray items)
                return Record(sim, "buy", body, Api.BadRequest("Invalid request",
                    "The buy request body must be an object: {\"networkDesign\":[...],\"discountCodes\":[]}"), []);
            if (wrapper["discountCodes"] is { } codes && codes is not JsonArray)
                return Record(sim, "buy", body, Api.BadRequest("Invalid request", "discountCodes must be an array"), []);
            return Buy(sim, body, items, OrderMode.Buy);
        });
    }

    private static ApiResult Buy(SimulatorContext sim, JsonNode body, JsonArray items, OrderMode mode)
    {
        lock (sim.State.Gate)
        {
            sim.State.Advance();
            List<PlannedService> plan;
            try
            {
                plan = OrderPlan.Build(sim.State, items, mode);
            }
            catch (OrderValidationException ex)
            {
                return Record(sim, "buy", body, Api.BadRequest("Validation failed", ex.Message), []);
            }
            Commit(sim.State, plan);
            sim.Stats.CountBuyExecuted();
            var result = Api.Ok(BuyMessage(plan), w =>
            {
                w.WriteStartArray();
                foreach (var p in plan) p.Service.Descriptor.Order.WriteBuyAnswer(sim.State, w, p.Service);
                w.WriteEndArray();
            });
            return Record(sim, "buy", body, result, plan.Select(p => p.Service.Uid).ToList());
        }
    }

    private static ApiResult Record(SimulatorContext sim, string kind, JsonNode? body, ApiResult result, IReadOnlyList<string> created)
    {
        sim.Orders.Add(new OrderRecord(sim.Clock.GetUtcNow(), kind, result.Status, body?.DeepClone(), created));
        return result;
    }

    /// <summary>
    /// Adds the planned services to the state (a design is stored already); they start provisioning now (a kind's hook
    /// may hold them).
    /// </summary>
    private static void Commit(SimulatorState state, List<PlannedService> plan)
    {
        var now = state.Now;
        foreach (var p in plan)
        {
            var s = p.Service;
            if (!p.Design)
            {
                s.ProductId = state.TakeProductId();
                s.CreateDate = now;
                state.Add(s);
            }
            state.StartProvisioning(s);
            p.Committed?.Invoke(state, now);
        }
    }

    private static string BuyMessage(List<PlannedService> plan)
    {
        if (plan.Count != 1) return $"{plan.Count} services created.";
        var s = plan[0].Service;
        return $"{s.Descriptor.Word} [{s.Uid}] created.";
    }

    private static void WriteLineItems(Utf8JsonWriter w, List<PlannedService> plan)
    {
        w.WriteStartArray();
        foreach (var p in plan)
        {
            w.WriteStartObject();
            w.WriteStringOrNull("productUid", p.LineProductUid);
            w.WriteString("productType", p.LineType);
            w.WriteString("serviceName", p.Service.Name);
            w.WriteString("string", p.Metro); // the API really names the metro key "string"
            w.WritePropertyName("price");
            p.Price.Write(w);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
