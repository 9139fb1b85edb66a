using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.Products;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Endpoints;

/// <summary>
/// Changing services: each kind's update (PUT) route, cancel/restore actions, locks and resource tags.
/// Updates apply only the fields present and keep the service's status; every refusal is a 400 with a clear reason.
/// </summary>
public static class ManagementEndpoints
{
    private static readonly ObjectShape TagsShape = Shape.Fields().With("resourceTags", TagList);

    public static void MapManagement(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        foreach (var kind in ProductRegistry.Default.All)
        {
            if (kind.UpdatePath is { } path)
                app.MapPut(path, (string uid, HttpContext ctx) => Update(sim, ctx, uid, kind));
            kind.MapEndpoints?.Invoke(app, sim);
        }

        app.MapPost("/v3/product/{uid}/action/{action}", (string uid, string action, bool? safeDelete) =>
        {
            action = action.ToUpperInvariant();
            if (action is not ("CANCEL" or "CANCEL_NOW" or "UN_CANCEL"))
                return Api.BadRequest("Invalid action", $"Action {action} is not supported (CANCEL, CANCEL_NOW, UN_CANCEL)");
            lock (state.Gate)
            {
                state.Advance();
                if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
                if (s.Locked || s.AdminLocked) return Locked(s);
                if (s.IsDesign)
                    return Api.BadRequest("Validation failed", $"{s.Descriptor.Word} {s.Uid} is a DESIGN that was never bought: there is nothing to cancel; delete the design instead");
                var refusal = action switch
                {
                    "CANCEL" => Cancel(state, s),
                    "CANCEL_NOW" => CancelNow(state, s, safeDelete == true),
                    _ => UnCancel(state, s),
                };
                return refusal ?? Api.Ok($"Action [{action} Service {s.Uid}] has been done.", null);
            }
        });

        app.MapPost("/v2/product/{uid}/lock", (string uid) => SetLock(sim, uid, true));
        app.MapDelete("/v2/product/{uid}/lock", (string uid) => SetLock(sim, uid, false));

        app.MapGet("/v2/product/{uid}/tags", (string uid) =>
        {
            lock (state.Gate)
            {
                if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
                return Api.Ok($"Resource tags for {s.Uid}", w => WriteTags(w, s));
            }
        });

        app.MapPut("/v2/product/{uid}/tags", async (string uid, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, TagsShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
                if (s.Locked || s.AdminLocked) return Locked(s);
                try
                {
                    var f = new JsonFields(body!, "", shape: TagsShape);
                    if (!f.Has("resourceTags")) throw f.Fail("resourceTags is required (an array of {key, value}; [] removes all tags)");
                    s.Tags = Tags(f);
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
                state.Changed();
                return Api.Ok($"Resource tags for {s.Uid} updated", w => WriteTags(w, s));
            }
        });
    }

    private static ApiResult Locked(Service s) =>
        Api.BadRequest($"Service locked: {s.Uid} must be unlocked before it can be changed or cancelled", null);

    /// <summary>A kind's PUT: only that kind, not locked, not gone; the kind applies the fields and writes the answer.</summary>
    private static async Task<ApiResult> Update(SimulatorContext sim, HttpContext ctx, string uid, ProductKind kind)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(ctx, kind.UpdateShape!);
        if (error is not null) return error;
        var state = sim.State;
        lock (state.Gate)
        {
            state.Advance();
            if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
            if (s.Descriptor != kind) return Api.BadRequest("Validation failed", $"Product {uid} is a {s.Kind}, not a {kind.Word}");
            if (s.Locked || s.AdminLocked) return Locked(s);
            if (s.Status is ProvisioningStatus.Decommissioned or ProvisioningStatus.Cancelled)
                return Api.BadRequest("Validation failed", $"{kind.Word} {uid} is {s.Status} and cannot be changed");
            try
            {
                kind.ApplyUpdate(state, s, new JsonFields(body!, "", shape: kind.UpdateShape));
            }
            catch (OrderValidationException ex)
            {
                return Api.BadRequest("Validation failed", ex.Message);
            }
            catch (RequestRefusedException ex)
            {
                return Api.BadRequest(ex.Message, ex.Detail);
            }
            state.Changed();
            return Api.Ok($"Product [{s.Uid}] has been updated", w => kind.WriteUpdateAnswer(sim.Json, w, s));
        }
    }

    // ---------------------------------------------------------------- actions

    private static ApiResult? Cancel(SimulatorState state, Service s)
    {
        if (s.Descriptor.CancelLaterRefusal(state, s) is { } words)
            return Api.BadRequest($"{words} {s.Uid} cannot be cancelled later, use CANCEL_NOW", null);
        if (!s.IsActive) return Api.BadRequest("Validation failed", $"Service {s.Uid} is {s.Status} and cannot be cancelled");
        s.StatusBeforeCancel = s.Status;
        state.StopProvisioning(s);
        s.Status = ProvisioningStatus.Cancelled;
        state.Changed();
        return null;
    }

    private static ApiResult? CancelNow(SimulatorState state, Service s, bool safeDelete)
    {
        if (s.Status == ProvisioningStatus.Decommissioned)
            return Api.BadRequest("Validation failed", $"Service {s.Uid} is already DECOMMISSIONED");
        var members = s.CancelledWith(state).ToList();
        var attached = members.SelectMany(m => state.AttachedTo(m.Uid))
            .Where(a => a.Status != ProvisioningStatus.Decommissioned).Distinct().ToList();
        if (safeDelete && attached.Count > 0)
            return Api.BadRequest("Validation failed",
                $"Service {s.Uid} still has {attached.Count} attached service(s) ({string.Join(", ", attached.Select(a => a.Name))}); delete them first or omit safeDelete");
        foreach (var a in attached) Lifecycle.Decommission(state, a);
        foreach (var m in members) Lifecycle.Decommission(state, m);
        return null;
    }

    private static ApiResult? UnCancel(SimulatorState state, Service s)
    {
        if (s.Status != ProvisioningStatus.Cancelled)
            return Api.BadRequest("Validation failed", $"Service {s.Uid} is {s.Status}; only CANCELLED services can be restored");
        s.Status = s.StatusBeforeCancel ?? ProvisioningStatus.Live;
        s.StatusBeforeCancel = null;
        // A service cancelled while still provisioning resumes the walk from its current status.
        if (s.Status != ProvisioningStatus.Live) state.ResumeProvisioning(s);
        state.Changed();
        return null;
    }

    private static IResult SetLock(SimulatorContext sim, string uid, bool locked)
    {
        lock (sim.State.Gate)
        {
            sim.State.Advance();
            if (!sim.State.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
            if (s.Locked == locked)
                return Api.BadRequest("Validation failed", $"Service {uid} is already {(locked ? "locked" : "unlocked")}");
            if (s.Status == ProvisioningStatus.Decommissioned)
                return Api.BadRequest("Validation failed", $"Service {uid} is DECOMMISSIONED");
            s.Locked = locked;
            sim.State.Changed();
            return Api.Ok(locked ? "Service locked" : "Service unlocked", w => sim.Json.WriteProduct(w, s));
        }
    }

    private static void WriteTags(Utf8JsonWriter w, Service s)
    {
        w.WriteStartObject();
        w.WriteStartArray("resourceTags");
        foreach (var t in s.Tags)
        {
            w.WriteStartObject();
            w.WriteString("key", t.Key);
            w.WriteString("value", t.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
