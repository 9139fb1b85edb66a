using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Faults;
using Megaport.Simulator.Http;
using Megaport.Simulator.Products;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Admin;

/// <summary>
/// Simulator-only endpoints under <c>/_simulator</c> (no auth, plain JSON; refusals in the API's error envelope) for tests and demos:
/// counters, journals, reset, faults, token expiry, run-time config and forcing service states.
/// </summary>
public static class AdminEndpoints
{
    private static readonly string[] ForcibleStatuses =
        [ProvisioningStatus.Deployable, ProvisioningStatus.Configured, ProvisioningStatus.Live,
         ProvisioningStatus.Cancelled, ProvisioningStatus.Decommissioned, ProvisioningStatus.Failed];

    private static readonly ObjectShape ConfigShape = Shape.Fields("provisionDelayMs", "tokenLifetimeSeconds");
    private static readonly ObjectShape StatusShape = Shape.Fields("status");

    public static void MapAdmin(this WebApplication app, SimulatorContext sim)
    {
        var admin = app.MapGroup(Pipeline.AdminPrefix);

        admin.MapGet("/stats", () => Api.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("tokenRequests", sim.Stats.TokenRequests);
            w.WriteNumber("validateCalls", sim.Stats.ValidateCalls);
            w.WriteNumber("buyCalls", sim.Stats.BuyCalls);
            w.WriteNumber("buysExecuted", sim.Stats.BuysExecuted);
            w.WriteNumber("requests", sim.Stats.Requests);
            w.WriteEndObject();
        }));

        // ?method= and ?path= filter; path may use the fault wildcards (* = one segment, ** = any).
        admin.MapGet("/requests", async (string? method, string? path) =>
        {
            await sim.Pending.SettleAsync(TimeSpan.FromSeconds(2));
            return Api.Json(200, w =>
            {
                w.WriteStartArray();
                foreach (var r in sim.Requests.Snapshot())
                {
                    if (method is not null && !r.Method.Equals(method, StringComparison.OrdinalIgnoreCase)) continue;
                    if (path is not null && !FaultRule.PathMatches(path, r.Path)) continue;
                    w.WriteStartObject();
                    w.WriteString("time", r.Time.UtcDateTime.ToString("O"));
                    w.WriteString("method", r.Method);
                    w.WriteString("path", r.Path);
                    w.WriteString("query", r.Query);
                    w.WriteNumber("status", r.Status);
                    w.WriteString("body", r.Body);
                    w.WriteString("traceId", r.TraceId);
                    w.WriteBoolean("hasBearer", r.HasBearer);
                    w.WriteStringArray("ignoredFields", r.IgnoredFields);
                    w.WriteStringOrNull("callContext", r.CallContext);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        });

        admin.MapGet("/orders", () => Api.Json(200, w =>
        {
            w.WriteStartArray();
            foreach (var o in sim.Orders.Snapshot())
            {
                w.WriteStartObject();
                w.WriteString("time", o.Time.UtcDateTime.ToString("O"));
                w.WriteString("kind", o.Kind);
                w.WriteNumber("status", o.Status);
                w.WritePropertyName("body");
                if (o.Body is null) w.WriteNullValue(); else o.Body.WriteTo(w);
                w.WriteStringArray("createdUids", o.CreatedUids);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));

        admin.MapPost("/reset", () =>
        {
            sim.Reset();
            return Message("Simulator reset to the seed state");
        });

        admin.MapPost("/faults", async (HttpContext ctx) =>
        {
            // FaultSpec reads the fields (and refuses unknown ones) itself.
            var (node, error) = await RequestBody.ReadNodeAsync(ctx, Shape.Any);
            if (error is not null) return error;
            var rules = new List<FaultRule>();
            try
            {
                // One rule object, or an array of them.
                foreach (var item in node is JsonArray a ? a.ToList() : [node])
                {
                    if (item is not JsonObject o) return Error(400, "each fault must be a JSON object");
                    rules.Add(FaultSpec.ParseJson(o));
                }
            }
            catch (ArgumentException ex)
            {
                return Error(400, ex.Message);
            }
            foreach (var r in rules) sim.Faults.Add(r);
            return Api.Json(200, w =>
            {
                if (rules.Count == 1) WriteFault(w, rules[0]);
                else { w.WriteStartArray(); rules.ForEach(r => WriteFault(w, r)); w.WriteEndArray(); }
            });
        });

        admin.MapGet("/faults", () => Api.Json(200, w =>
        {
            w.WriteStartArray();
            foreach (var r in sim.Faults.Snapshot()) WriteFault(w, r);
            w.WriteEndArray();
        }));

        admin.MapDelete("/faults", () =>
        {
            sim.Faults.Clear();
            return Message("All faults cleared");
        });

        admin.MapPost("/tokens/expire", () =>
        {
            sim.Tokens.ExpireAll();
            return Message("All issued tokens expired");
        });

        admin.MapGet("/config", () => WriteConfig(sim));

        admin.MapPut("/config", async (HttpContext ctx) =>
        {
            var (o, error) = await RequestBody.ReadObjectAsync(ctx, ConfigShape);
            if (error is not null) return error;
            int? Field(string name, int min, int max)
            {
                if (o![name] is null) return null;
                if (o[name] is JsonValue v && v.TryGetValue<int>(out var n) && n >= min && n <= max) return n;
                throw new ArgumentException($"{name} must be an integer {min}-{max}");
            }
            try
            {
                var delay = Field("provisionDelayMs", 0, 86_400_000);
                var lifetime = Field("tokenLifetimeSeconds", 1, 7 * 86_400);
                if (delay is int d) sim.Config.ProvisionDelayMs = d;
                if (lifetime is int l) sim.Config.TokenLifetimeSeconds = l;
            }
            catch (ArgumentException ex)
            {
                return Error(400, ex.Message);
            }
            return WriteConfig(sim);
        });

        admin.MapPost("/services/{uid}/approve", (string uid) => WithVxc(sim, uid, v =>
        {
            if (!v.IsPendingApproval) return Error(400, $"VXC {uid} is not pending approval");
            VxcApprovals.Approve(sim.State, v);
            return null;
        }));

        admin.MapPost("/services/{uid}/reject", (string uid) => WithVxc(sim, uid, v =>
        {
            if (!v.IsPendingApproval) return Error(400, $"VXC {uid} is not pending approval");
            VxcApprovals.Reject(sim.State, v);
            return null;
        }));

        admin.MapPost("/services/{uid}/status", async (string uid, HttpContext ctx) =>
        {
            var (o, error) = await RequestBody.ReadObjectAsync(ctx, StatusShape);
            if (error is not null) return error;
            var status = o!["status"] is JsonValue v && v.TryGetValue<string>(out var text) ? text.ToUpperInvariant() : null;
            if (status is null || !ForcibleStatuses.Contains(status))
                return Error(400, "body must be {\"status\":\"...\"} with one of " + string.Join(", ", ForcibleStatuses));
            lock (sim.State.Gate)
            {
                if (!sim.State.AllServices.TryGetValue(uid, out var s)) return Error(404, $"No service with UID {uid}");
                Lifecycle.ForceStatus(sim.State, s, status);
                return Api.Json(200, w => sim.Json.WriteProduct(w, s));
            }
        });
    }

    private static IResult WithVxc(SimulatorContext sim, string uid, Func<VxcService, IResult?> action)
    {
        lock (sim.State.Gate)
        {
            sim.State.Advance();
            if (!sim.State.AllServices.TryGetValue(uid, out var s)) return Error(404, $"No service with UID {uid}");
            if (s is not VxcService v) return Error(400, $"{uid} is not a VXC");
            return action(v) ?? Api.Json(200, w => sim.Json.WriteProduct(w, v));
        }
    }

    private static IResult WriteConfig(SimulatorContext sim) => Api.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("provisionDelayMs", sim.Config.ProvisionDelayMs);
        w.WriteNumber("tokenLifetimeSeconds", sim.Config.TokenLifetimeSeconds);
        w.WriteEndObject();
    });

    private static void WriteFault(Utf8JsonWriter w, FaultRule r)
    {
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteString("method", r.Method);
        w.WriteString("path", r.Path);
        w.WriteString("kind", r.KindName);
        w.WriteNumberOrNull("status", r.Status);
        w.WriteStringOrNull("body", r.Body);
        w.WriteStringOrNull("retryAfter", r.RetryAfter);
        w.WriteNumberOrNull("count", r.Count);
        w.WriteNumberOrNull("remaining", r.Remaining);
        w.WriteNumber("after", r.After);
        w.WriteNumber("delayMs", r.DelayMs);
        w.WriteNumber("hits", r.Hits);
        w.WriteEndObject();
    }

    private static IResult Message(string text) => Api.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteString("message", text);
        w.WriteEndObject();
    });

    /// <summary>Refusals use the API's error envelope too, so every 4xx a client gets looks the same.</summary>
    private static IResult Error(int status, string text) => Api.Error(status, status == 404 ? "Not Found" : "Invalid request", text);
}
