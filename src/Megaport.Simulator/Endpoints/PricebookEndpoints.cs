using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.Products;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Endpoints;

/// <summary>
/// The price book (<c>POST /v4/pricebook/product</c>) for VXCs: what a VXC between two locations costs before its
/// ends exist (validate needs them). Other product types are refused with a 400 naming the type.
/// </summary>
public static class PricebookEndpoints
{
    private static readonly ObjectShape VxcShape = Shape.Fields(
        "productType", "aLocationId", "bLocationId", "speed", "term", "aEndProductType", "connectType", "buyoutPort", "currency", "productUid");

    public static void MapPricebook(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;
        app.MapPost("/v4/pricebook/product", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, VxcShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                try
                {
                    var f = new JsonFields(body!, "", shape: VxcShape);
                    var type = f.Str("productType") ?? throw f.Fail("productType is required");
                    if (type != "VXC") throw f.Fail($"productType {type} is not priced by this simulator's price book (VXC only)");
                    var a = f.Int("aLocationId") ?? throw f.Fail("aLocationId is required");
                    var b = f.Int("bLocationId") ?? throw f.Fail("bLocationId is required");
                    var speed = f.Int("speed") ?? throw f.Fail("speed is required");
                    var term = f.Int("term") ?? 1;
                    if (!state.LocationsById.TryGetValue(a, out var aLoc)) throw f.Fail($"aLocationId {a} is not a location");
                    if (!state.LocationsById.TryGetValue(b, out var bLoc)) throw f.Fail($"bLocationId {b} is not a location");
                    if (speed <= 0) throw f.Fail($"speed {speed} is invalid");
                    if (term is not (1 or 12 or 24 or 36 or 48 or 60)) throw f.Fail($"term {term} is invalid");
                    var price = VxcOrder.Price(aLoc, bLoc, speed, term);
                    return Api.Ok("Price found", w => Write(w, price));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });
    }

    private static void Write(Utf8JsonWriter w, Price p)
    {
        w.WriteStartObject();
        w.WriteString("productType", p.ProductType);
        w.WriteString("currency", p.Currency);
        w.WriteNumber("monthlyRate", p.MonthlyRate);
        w.WriteNumber("monthlyRackRate", p.MonthlyRackRate);
        w.WriteStartArray("prices");
        w.WriteStartObject();
        w.WriteString("chargeReason", "CORE");
        w.WriteString("frequency", "MONTHLY");
        w.WriteNumber("amount", p.MonthlyRate);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("discounts");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
