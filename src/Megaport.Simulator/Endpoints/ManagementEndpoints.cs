using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Endpoints;

/// <summary>
/// Changing services: updates (PUT), cancel/restore actions, locks, VLAN availability and resource tags.
/// Updates apply only the fields present and keep the service's status; every refusal is a 400 with a clear reason.
/// </summary>
public static class ManagementEndpoints
{
    public static void MapManagement(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        app.MapPut("/v2/product/megaport/{uid}", (string uid, HttpContext ctx) =>
            Update<PortService>(sim, ctx, uid, "Port", (port, f) => UpdatePortLike(port, f), ServiceRecord));
        app.MapPut("/v2/product/mcr2/{uid}", (string uid, HttpContext ctx) =>
            Update<McrService>(sim, ctx, uid, "MCR", (mcr, f) =>
            {
                UpdatePortLike(mcr, f);
                if (f.Has("asn")) mcr.Asn = Asn(f, "asn", required: true);
            }, ServiceRecord));
        app.MapPut("/v2/product/mve/{uid}", (string uid, HttpContext ctx) =>
            Update<MveService>(sim, ctx, uid, "MVE", (mve, f) =>
            {
                UpdatePortLike(mve, f);
                if (f.Arr("vnics") is { } vnics)
                {
                    // vNIC renames are positional: entry i renames vNIC i.
                    if (vnics.Count > mve.Vnics.Count) throw f.Fail($"vnics: the MVE has {mve.Vnics.Count} vNICs, got {vnics.Count} entries");
                    var names = vnics.Select(n => (n as JsonObject)?["description"] is JsonValue v && v.TryGetValue<string>(out var d) ? d : null).ToList();
                    if (names.Any(string.IsNullOrWhiteSpace)) throw f.Fail("vnics: every entry needs a non-empty description");
                    for (var i = 0; i < names.Count; i++) mve.Vnics[i].Description = names[i]!;
                }
            }, ServiceRecord));
        app.MapPut("/v2/product/ix/{uid}", (string uid, HttpContext ctx) =>
            Update<IxService>(sim, ctx, uid, "IX", (ix, f) => UpdateIx(state, ix, f), (w, s) => sim.Json.WriteProduct(w, s)));
        app.MapPut("/v3/product/vxc/{uid}", (string uid, HttpContext ctx) =>
            Update<VxcService>(sim, ctx, uid, "VXC", (vxc, f) => UpdateVxc(state, vxc, f), (w, s) => sim.Json.WriteProduct(w, s)));

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

        app.MapGet("/v2/product/port/{uid}/vlan", (string uid, int? vlan) =>
        {
            if (vlan is not null && vlan is < 2 or > 4093)
                return Api.BadRequest("Validation failed", $"vlan {vlan} is invalid: use 2-4093");
            lock (state.Gate)
            {
                if (!state.Services.TryGetValue(uid, out var s) || s is not PortService port) return Api.ServiceNotFound(uid);
                var used = state.VlansInUse(port.Uid).Select(x => x.Vlan).ToHashSet();
                return Api.Ok($"Available VLANs for port {port.Uid}", w =>
                {
                    w.WriteStartArray();
                    for (var v = 2; v <= 4093; v++)
                        if (!used.Contains(v)) w.WriteNumberValue(v);
                    w.WriteEndArray();
                });
            }
        });

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
            var (body, error) = await ReadObjectAsync(ctx);
            if (error is not null) return error;
            lock (state.Gate)
            {
                if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
                if (s.Locked || s.AdminLocked) return Locked(s);
                try
                {
                    var f = new JsonFields(body!, "");
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

    // ---------------------------------------------------------------- updates

    private static async Task<(JsonObject? Body, ApiResult? Error)> ReadObjectAsync(HttpContext ctx)
    {
        try
        {
            var node = await JsonNode.ParseAsync(ctx.Request.Body, OrderEndpoints.CaseInsensitive, cancellationToken: ctx.RequestAborted);
            return node is JsonObject o ? (o, null) : (null, Api.BadRequest("Invalid request", "The request body must be a JSON object"));
        }
        catch (JsonException ex)
        {
            return (null, Api.BadRequest("Invalid request", "Malformed JSON: " + ex.Message));
        }
    }

    private static ApiResult Locked(Service s) =>
        Api.BadRequest($"Service locked: {s.Uid} must be unlocked before it can be changed or cancelled", null);

    private static async Task<ApiResult> Update<T>(SimulatorContext sim, HttpContext ctx, string uid, string kind,
        Action<T, JsonFields> apply, Action<Utf8JsonWriter, Service> render) where T : Service
    {
        var (body, error) = await ReadObjectAsync(ctx);
        if (error is not null) return error;
        var state = sim.State;
        lock (state.Gate)
        {
            state.Advance();
            if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
            if (s is not T target) return Api.BadRequest("Validation failed", $"Product {uid} is a {s.Kind}, not a {kind}");
            if (s.Locked || s.AdminLocked) return Locked(s);
            if (s.Status is ProvisioningStatus.Decommissioned or ProvisioningStatus.Cancelled)
                return Api.BadRequest("Validation failed", $"{kind} {uid} is {s.Status} and cannot be changed");
            try
            {
                apply(target, new JsonFields(body!, ""));
            }
            catch (OrderValidationException ex)
            {
                return Api.BadRequest("Validation failed", ex.Message);
            }
            state.Changed();
            return Api.Ok($"Product [{s.Uid}] has been updated", w => render(w, s));
        }
    }

    private static void UpdatePortLike(PortLikeService p, JsonFields f)
    {
        if (f.Has("name")) p.Name = Name(f, "name");
        if (f.Has("costCentre")) p.CostCentre = CostCentre(f);
        if (f.Bool("marketplaceVisibility") is bool mv) p.MarketplaceVisibility = mv;
        if (f.Int("term") is int term and not 0)
        {
            CheckTerm(f, term);
            p.Term = term;
        }
    }

    private static void UpdateIx(SimulatorState state, IxService ix, JsonFields f)
    {
        if (f.Has("name")) ix.Name = Name(f, "name");
        if (f.Has("costCentre")) ix.CostCentre = CostCentre(f);
        var portUid = ix.PortUid;
        if (f.Str("aEndProductUid") is { Length: > 0 } newPort && !newPort.Equals(ix.PortUid, StringComparison.OrdinalIgnoreCase))
        {
            if (!state.Services.TryGetValue(newPort, out var s) || s is not PortService p || !p.IsActive)
                throw f.Fail($"aEndProductUid {newPort} is not an active port of this account");
            portUid = p.Uid;
        }
        var port = (PortLikeService)state.Services[portUid];
        var rate = f.Int("rateLimit") ?? ix.RateLimit;
        if (rate <= 0) throw f.Fail($"rateLimit must be greater than 0 (got {rate})");
        if (rate > state.CapacityOf(port)) throw f.Fail($"rateLimit {rate} exceeds the port speed {state.CapacityOf(port)}");
        var vlan = ix.Vlan;
        if (f.Has("vlan") || portUid != ix.PortUid)
        {
            vlan = f.Int("vlan") ?? ix.Vlan;
            CheckVlan(f, "vlan", vlan);
            if (state.VlansInUse(portUid, except: ix).Any(x => x.Vlan == vlan))
                throw f.Fail($"vlan {vlan} is already in use on port {port.Name} ({port.Uid})");
        }
        if (f.Str("macAddress") is { } mac)
        {
            if (!MacAddress().IsMatch(mac)) throw f.Fail($"macAddress must look like 00:11:22:33:44:55 (got '{mac}')");
            ix.MacAddress = mac.ToLowerInvariant();
        }
        if (f.Has("asn")) ix.Asn = Asn(f, "asn", required: true);
        if (f.Has("password")) ix.Password = f.Str("password");
        if (f.Bool("publicGraph") is bool pg) ix.PublicGraph = pg;
        if (f.Has("reverseDns")) ix.ReverseDns = f.Str("reverseDns");
        if (f.Bool("shutdown") is bool sd) ix.Shutdown = sd;
        ix.RateLimit = rate;
        ix.Vlan = vlan;
        if (portUid != ix.PortUid)
        {
            state.Attachments[ix.PortUid].Remove(ix);
            ix.PortUid = portUid;
            if (!state.Attachments.TryGetValue(portUid, out var list)) state.Attachments[portUid] = list = new List<Service>();
            list.Add(ix);
        }
    }

    private static void UpdateVxc(SimulatorState state, VxcService v, JsonFields f)
    {
        // Approval decisions (marketplace): true approves, false rejects.
        if (f.Bool("isApproved") is bool approved)
        {
            if (!Lifecycle.IsPendingApproval(v)) throw f.Fail($"VXC {v.Uid} has no pending approval");
            if (approved) Lifecycle.Approve(state, v); else Lifecycle.Reject(state, v);
            return;
        }
        if (f.Has("name")) v.Name = Name(f, "name");
        if (f.Has("costCentre")) v.CostCentre = CostCentre(f);
        if (f.Int("term") is int term and not 0)
        {
            CheckTerm(f, term);
            v.Term = term;
        }

        // Work out the new ends first, then check speeds and VLANs against them, then apply everything.
        var aUid = MoveTarget(state, f, v.A.ProductUid, "aEndProductUid");
        var bUid = MoveTarget(state, f, v.B.ProductUid, "bEndProductUid");
        var aProduct = state.Services.GetValueOrDefault(aUid) as PortLikeService;
        var bProduct = state.Services.GetValueOrDefault(bUid) as PortLikeService;
        var partner = state.PartnersByUid.GetValueOrDefault(bUid);

        var rate = f.Int("rateLimit") ?? v.RateLimit;
        if (rate <= 0) throw f.Fail($"rateLimit must be greater than 0 (got {rate})");
        if (aProduct is not null && rate > state.CapacityOf(aProduct))
            throw f.Fail($"rateLimit {rate} exceeds the A-End {Describe(aProduct)} speed {state.CapacityOf(aProduct)}");
        if (bProduct is not null && rate > state.CapacityOf(bProduct))
            throw f.Fail($"rateLimit {rate} exceeds the B-End {Describe(bProduct)} speed {state.CapacityOf(bProduct)}");
        if (partner is not null && rate > partner.MaxVxcSpeed)
            throw f.Fail($"rateLimit {rate} exceeds the B-End maximum VXC speed {partner.MaxVxcSpeed} of {partner.Title}");

        var aVlan = EndVlan(state, f, v, aProduct, aUid != v.A.ProductUid, "aEndVlan", v.A.Vlan, otherEndSameProduct: bUid == aUid ? v.B.Vlan : null);
        var bVlan = partner is not null
            ? CheckedVlan(f, "bEndVlan", v.B.Vlan)
            : EndVlan(state, f, v, bProduct, bUid != v.B.ProductUid, "bEndVlan", v.B.Vlan, otherEndSameProduct: aUid == bUid ? aVlan : null);
        var aInner = f.Has("aEndInnerVlan") ? InnerVlan(f, "aEndInnerVlan") : v.A.InnerVlan;
        var bInner = f.Has("bEndInnerVlan") ? InnerVlan(f, "bEndInnerVlan") : v.B.InnerVlan;
        var aNic = VnicIndex(f, "aVnicIndex", aProduct, v.A.VNicIndex);
        var bNic = VnicIndex(f, "bVnicIndex", bProduct, v.B.VNicIndex);
        if (f.Obj("aEndConfig") is { } aConfig)
        {
            if (aProduct is not McrService) throw f.Fail("aEndConfig is only allowed when the A-End is an MCR (vRouter configuration)");
            v.APartnerConfig = aConfig.DeepClone().AsObject();
        }
        if (f.Obj("bEndConfig") is { } bConfig)
        {
            if (bProduct is not McrService) throw f.Fail("bEndConfig is only allowed when the B-End is an MCR (vRouter configuration)");
            v.BPartnerConfig = bConfig.DeepClone().AsObject();
        }

        if (aUid != v.A.ProductUid) state.MoveVxcEnd(v, aEnd: true, aUid);
        if (bUid != v.B.ProductUid) state.MoveVxcEnd(v, aEnd: false, bUid);
        v.RateLimit = rate;
        if (f.Bool("shutdown") is bool shutdown) v.Shutdown = shutdown;
        v.A.Vlan = aVlan;
        v.B.Vlan = bVlan;
        v.A.InnerVlan = aInner;
        v.B.InnerVlan = bInner;
        v.A.VNicIndex = aNic;
        v.B.VNicIndex = bNic;
    }

    /// <summary>The product an end moves to (or the current one). MCR-to-other-MCR moves fail like the real API.</summary>
    private static string MoveTarget(SimulatorState state, JsonFields f, string current, string field)
    {
        var target = f.Str(field);
        if (string.IsNullOrEmpty(target) || target.Equals(current, StringComparison.OrdinalIgnoreCase)) return current;
        if (!state.Services.TryGetValue(target, out var s) || s is not PortLikeService p || s is MegadirectService)
            throw f.Fail($"{field} {target} is not a Port, MCR or MVE of this account");
        if (!p.IsActive) throw f.Fail($"{field} {target} is {p.Status}");
        var from = state.Services.GetValueOrDefault(current);
        if (from is McrService || p is McrService || from is MveService || p is MveService)
            throw f.Fail("virtual router service has a different linked interface");
        if (p is PortService { IsLagMember: true, LagPrimary: false }) throw f.Fail($"{field} {target} is a LAG member; use the LAG's primary port");
        return p.Uid;
    }

    private static int CheckedVlan(JsonFields f, string key, int current)
    {
        if (!f.Has(key)) return current;
        var vlan = f.Int(key)!.Value;
        CheckVlan(f, key, vlan);
        return vlan;
    }

    private static int EndVlan(SimulatorState state, JsonFields f, VxcService v, PortLikeService? product, bool moved, string key, int current, int? otherEndSameProduct)
    {
        if (product is null) return CheckedVlan(f, key, current);
        if (!f.Has(key) && !moved) return current;
        var vlan = CheckedVlan(f, key, current);
        if (product is MveService) return vlan;
        var used = state.VlansInUse(product.Uid, except: v).Select(x => x.Vlan).ToHashSet();
        if (otherEndSameProduct is int other) used.Add(other);
        if (vlan == 0) vlan = Enumerable.Range(2, 4092).First(x => !used.Contains(x));
        else if (used.Contains(vlan)) throw f.Fail($"{key} {vlan} is already in use on {Describe(product)} {product.Name} ({product.Uid})");
        return vlan;
    }

    private static int? VnicIndex(JsonFields f, string key, PortLikeService? product, int? current)
    {
        var index = f.Int(key);
        if (index is null) return product is MveService ? current ?? 0 : current;
        if (product is not MveService mve) throw f.Fail($"{key} is only valid for an MVE end");
        if (index < 0 || index >= mve.Vnics.Count) throw f.Fail($"{key} {index} is out of range (the MVE has {mve.Vnics.Count} vNICs)");
        return index;
    }

    /// <summary>The "service record" the product PUT endpoints answer with (TestModifyPort shape).</summary>
    private static void ServiceRecord(Utf8JsonWriter w, Service s)
    {
        var p = (PortLikeService)s;
        w.WriteStartObject();
        w.WriteString("serviceName", p.Name);
        w.WriteString("name", p.Name);
        w.WriteStringOrNull("secondaryName", p.SecondaryName);
        w.WriteNumber("technicalServiceId", p.ProductId);
        w.WriteString("technicalServiceUid", p.Uid);
        w.WriteNumber("requestedDate", p.CreateDate);
        w.WriteNumberOrNull("configuredDate", p.LiveDate);
        w.WriteNull("currentEstimatedDelivery");
        w.WriteString("companyName", p.Company.Name);
        w.WriteNumber("companyId", p.Company.Id);
        w.WriteString("productType", p.ProductTypeLabel);
        w.WriteString("provisioningStatus", p.Status);
        w.WriteNull("failedReason");
        w.WriteStartArray("provisioningItems"); w.WriteEndArray();
        w.WriteStartArray("tags"); w.WriteEndArray();
        w.WriteBoolean("marketplaceVisibility", p.MarketplaceVisibility);
        w.WriteBoolean("vxcPermitted", true);
        w.WriteBoolean("vxcAutoApproval", p.VxcAutoApproval);
        w.WriteNumber("createDate", p.CreateDate);
        w.WriteNumberOrNull("terminationDate", p.TerminateDate);
        w.WriteNumberOrNull("contractStartDate", p.ContractStartDate);
        w.WriteNumber("contractTermMonths", p.Term);
        w.WriteString("rateType", "MONTHLY");
        w.WriteNumber("rateLimit", p.Speed);
        w.WriteString("costCentre", p.CostCentre);
        w.WriteString("market", p.Market);
        var port = p as PortService;
        w.WriteNumberOrNull("lagId", port is { LagId: > 0 } ? port.LagId : null);
        w.WriteNumberOrNull("aggregationId", port is { AggregationId: > 0 } ? port.AggregationId : null);
        if (port is { IsLagMember: true }) w.WriteBoolean("lagPrimary", port.LagPrimary); else w.WriteNull("lagPrimary");
        w.WriteStartObject("attributeTags"); w.WriteEndObject();
        w.WriteString("createdBy", p.CreatedBy);
        w.WriteBoolean("buyoutPort", false);
        w.WriteBoolean("virtual", false);
        w.WriteBoolean("locked", p.Locked);
        w.WriteBoolean("adminLocked", p.AdminLocked);
        w.WriteEndObject();
    }

    // ---------------------------------------------------------------- actions

    private static bool CannotCancelLater(SimulatorState state, Service s) => s switch
    {
        PortLikeService => true, // ports, LAG members, MCRs, MVEs, MegaDirect
        VxcService v => state.PartnersByUid.GetValueOrDefault(v.B.ProductUid)?.ConnectType == "TRANSIT",
        _ => false,
    };

    private static ApiResult? Cancel(SimulatorState state, Service s)
    {
        if (CannotCancelLater(state, s))
            return Api.BadRequest($"{KindName(state, s)} {s.Uid} cannot be cancelled later, use CANCEL_NOW", null);
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
        var members = s is PortService { LagPrimary: true } primary
            ? state.TopLevel.OfType<PortService>().Where(m => m.AggregationId == primary.AggregationId).Cast<Service>().ToList()
            : [s];
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
        if (s.Status != ProvisioningStatus.Live) state.StartProvisioning(s);
        state.Changed();
        return null;
    }

    private static string KindName(SimulatorState state, Service s) => s switch
    {
        PortService { IsLagMember: true } => "LAG port",
        PortService => "Port",
        McrService => "MCR",
        MveService => "MVE",
        VxcService => "Transit VXC",
        _ => s.Kind,
    };

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
