using Megaport.Simulator.Http;

namespace Megaport.Simulator.Endpoints;

/// <summary>Reading the account's services: the product list and any single product.</summary>
public static class ProductEndpoints
{
    /// <summary>
    /// The <c>/v2/products</c> body. It can be large (--scale), so its bytes are cached until the next state change.
    /// </summary>
    public static byte[] ProductsBody(SimulatorContext sim)
    {
        var state = sim.State;
        lock (state.Gate)
        {
            state.Advance();
            // One cached body, for the company that asked last (a partner and its managed companies see different lists).
            if (state.ProductsCache is null || state.ProductsCacheVersion != state.Version || state.ProductsCacheCompany != state.Account.Uid)
            {
                state.ProductsCache = Api.Ok("List products", w =>
                {
                    w.WriteStartArray();
                    foreach (var p in state.TopLevel) sim.Json.WriteProduct(w, p);
                    w.WriteEndArray();
                }).Body;
                state.ProductsCacheVersion = state.Version;
                state.ProductsCacheCompany = state.Account.Uid;
            }
            return state.ProductsCache;
        }
    }

    public static void MapProducts(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        app.MapGet("/v2/products", () => new ApiResult(200, ProductsBody(sim)));

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
