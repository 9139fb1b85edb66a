using Megaport.Simulator.Http;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Endpoints;

/// <summary>Reading the account's services: the product list and any single product.</summary>
public static class ProductEndpoints
{
    public static void MapProducts(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        // The list can be large (--scale): its bytes are cached until the next state change.
        app.MapGet("/v2/products", () =>
        {
            lock (state.Gate)
            {
                state.Advance();
                if (state.ProductsCache is null || state.ProductsCacheVersion != state.Version)
                {
                    state.ProductsCache = Api.Ok("List products", w =>
                    {
                        w.WriteStartArray();
                        foreach (var p in state.TopLevel) sim.Json.WriteProduct(w, p);
                        w.WriteEndArray();
                    }).Body;
                    state.ProductsCacheVersion = state.Version;
                }
                return new ApiResult(200, state.ProductsCache);
            }
        });

        app.MapGet("/v2/product/{uid}", (string uid) =>
        {
            lock (state.Gate)
            {
                state.Advance();
                // Other companies' ports (partners) are not readable as products: same 400 as unknown UIDs.
                if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
                return Api.Ok($"Found Product {s.Uid}", w => sim.Json.WriteProduct(w, s));
            }
        });
    }
}
