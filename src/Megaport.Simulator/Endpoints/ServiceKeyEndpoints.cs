using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.Products;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Endpoints;

/// <summary>Megaport service keys (<c>/v2/service/key</c>): create, update, list and look up; a key lets a VXC land on its port.</summary>
public static class ServiceKeyEndpoints
{
    /// <summary>What a create reads.</summary>
    private static readonly ObjectShape KeyShape = Shape.Fields(
            "productUid", "productId", "singleUse", "maxSpeed", "active", "preApproved", "description", "vlan")
        .With("validFor", Shape.Fields("start", "end"));

    /// <summary>
    /// What an update reads: the key, its port, single use, active and the validity. Speed, pre-approval and
    /// description are set when a key is made; sent on an update they are ignored (and journaled as such).
    /// </summary>
    private static readonly ObjectShape UpdateShape = Shape.Fields("key", "productUid", "productId", "singleUse", "active")
        .With("validFor", Shape.Fields("start", "end"));

    public static void MapServiceKeys(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        app.MapGet("/v2/service/key", (string? key, string? productIdOrUid) =>
        {
            lock (state.Gate)
            {
                var now = state.Now;
                if (!string.IsNullOrEmpty(key))
                {
                    // A key someone gave you can be looked up even though another company owns it.
                    if (!state.ServiceKeys.TryGetValue(key, out var k)) return Api.BadRequest("Invalid service key", $"Service key {key} not found");
                    return Api.Ok($"Found service key [{k.Key}]", w => WriteKey(w, state, k, now));
                }
                var keys = state.ServiceKeys.Values.Where(k => k.Company.Uid == state.Account.Uid);
                if (!string.IsNullOrEmpty(productIdOrUid))
                {
                    var product = FindProduct(state, productIdOrUid);
                    if (product is null) return Api.ServiceNotFound(productIdOrUid);
                    keys = keys.Where(k => k.ProductUid.Equals(product.Uid, StringComparison.OrdinalIgnoreCase));
                }
                var list = keys.OrderBy(k => k.CreateDate).ToList();
                return Api.Ok($"Found [{list.Count}] service keys for company [{state.Account.Id}]", w =>
                {
                    w.WriteStartArray();
                    foreach (var k in list) WriteKey(w, state, k, now);
                    w.WriteEndArray();
                });
            }
        });

        app.MapPost("/v2/service/key", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, KeyShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                try
                {
                    var f = new JsonFields(body!, "", shape: KeyShape);
                    var product = Product(state, f);
                    var singleUse = f.Bool("singleUse") ?? false;
                    var vlan = f.Int("vlan");
                    if (singleUse && vlan is null or 0) throw f.Fail("vlan is required for a single-use service key");
                    if (vlan is int v and not 0)
                    {
                        OrderRules.CheckVlan(f, "vlan", v);
                        if (state.VlansInUse(product.Uid).Any(x => x.Vlan == v)) throw f.Fail($"vlan {v} is already in use on port {product.Name}");
                    }
                    var maxSpeed = f.Int("maxSpeed") ?? product.Speed;
                    if (maxSpeed <= 0 || maxSpeed > product.Speed) throw f.Fail($"maxSpeed {maxSpeed} is invalid: use 1-{product.Speed}");
                    var key = new ServiceKey
                    {
                        Key = Guid.NewGuid().ToString(), Company = state.Account, ProductUid = product.Uid, SingleUse = singleUse,
                        Vlan = vlan is 0 ? null : vlan, MaxSpeed = maxSpeed, Active = f.Bool("active") ?? true,
                        PreApproved = f.Bool("preApproved") ?? false, Description = f.Str("description") ?? "", CreateDate = state.Now,
                    };
                    ApplyValidFor(f, key);
                    state.ServiceKeys[key.Key] = key;
                    state.Changed();
                    return Api.Ok($"New service key [{key.Key}] generated", w => WriteKey(w, state, key, state.Now));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });

        app.MapPut("/v2/service/key", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, UpdateShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                try
                {
                    var f = new JsonFields(body!, "", shape: UpdateShape);
                    var text = f.Str("key");
                    if (string.IsNullOrEmpty(text)) throw f.Fail("key is required");
                    if (!state.ServiceKeys.TryGetValue(text, out var key) || key.Company.Uid != state.Account.Uid)
                        return Api.BadRequest("Invalid service key", $"Service key {text} not found");
                    if (f.Has("productUid") || f.Has("productId"))
                    {
                        var product = Product(state, f);
                        if (!product.Uid.Equals(key.ProductUid, StringComparison.OrdinalIgnoreCase))
                            throw f.Fail("productUid does not match the service key's port");
                    }
                    if (f.Bool("active") is bool active) key.Active = active;
                    if (f.Bool("singleUse") is bool singleUse)
                    {
                        if (singleUse && key.Vlan is null) throw f.Fail("vlan is required for a single-use service key");
                        key.SingleUse = singleUse;
                    }
                    ApplyValidFor(f, key);
                    state.Changed();
                    return Api.Ok($"Service key [{key.Key}] updated", w => WriteKey(w, state, key, state.Now));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });
    }

    private static PortLikeService? FindProduct(SimulatorState state, string idOrUid)
    {
        if (state.Services.TryGetValue(idOrUid, out var s)) return s as PortLikeService;
        return int.TryParse(idOrUid, out var id) ? state.TopLevel.FirstOrDefault(p => p.ProductId == id) : null;
    }

    /// <summary>The key's port: productUid or productId, an active port of this account.</summary>
    private static PortService Product(SimulatorState state, JsonFields f)
    {
        var idOrUid = f.Str("productUid");
        if (string.IsNullOrEmpty(idOrUid) && f.Int("productId") is int id) idOrUid = id.ToString();
        if (string.IsNullOrEmpty(idOrUid)) throw f.Fail("productUid or productId is required");
        var product = FindProduct(state, idOrUid) ?? throw f.Fail($"Could not find a service with UID {idOrUid}");
        if (product is not PortService port) throw f.Fail($"service keys can only be created for ports (got {product.Kind})");
        if (!port.IsActive) throw f.Fail($"port {port.Name} is {port.Status}");
        return port;
    }

    private static void ApplyValidFor(JsonFields f, ServiceKey key)
    {
        if (!f.Has("validFor")) return;
        var vf = f.Sub("validFor");
        key.ValidFrom = vf.Long("start") ?? key.ValidFrom;
        key.ValidTo = vf.Long("end") ?? key.ValidTo;
        if (key.ValidFrom is long s && key.ValidTo is long e && e <= s) throw f.Fail("validFor.end must be after validFor.start");
    }

    private static void WriteKey(Utf8JsonWriter w, SimulatorState state, ServiceKey k, long now)
    {
        var own = state.Services.GetValueOrDefault(k.ProductUid) as PortLikeService;
        var partner = state.PartnersByUid.GetValueOrDefault(k.ProductUid);
        w.WriteStartObject();
        w.WriteString("key", k.Key);
        w.WriteNumber("createDate", k.CreateDate);
        w.WriteNumber("companyId", k.Company.Id);
        w.WriteString("companyUid", k.Company.Uid);
        w.WriteString("companyName", k.Company.Name);
        w.WriteString("description", k.Description);
        w.WriteNumber("productId", own?.ProductId ?? partner?.ProductId ?? 0);
        w.WriteString("productUid", k.ProductUid);
        w.WriteStringOrNull("productName", own?.Name ?? partner?.Title);
        w.WriteNumberOrNull("vlan", k.Vlan);
        w.WriteNumber("maxSpeed", k.MaxSpeed);
        w.WriteBoolean("preApproved", k.PreApproved);
        w.WriteBoolean("singleUse", k.SingleUse);
        w.WriteNumberOrNull("lastUsed", k.LastUsed);
        w.WriteBoolean("active", k.Active);
        w.WriteStartObject("validFor");
        w.WriteNumberOrNull("start", k.ValidFrom ?? k.CreateDate);
        w.WriteNumberOrNull("end", k.ValidTo);
        w.WriteEndObject();
        w.WriteBoolean("expired", k.Expired(now));
        w.WriteBoolean("valid", k.Valid(now));
        w.WriteStringOrNull("promoCode", k.PromoCode);
        w.WriteEndObject();
    }
}
