using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Products;

/// <summary>
/// The NAT gateway kind: registration, the whole-object PUT, and its own endpoints under <c>/v3/products/nat_gateways</c>
/// (designs, the session matrix, packet filters, prefix lists and the asynchronous route diagnostics).
/// </summary>
public static class NatGatewayProduct
{
    public const string Root = "/v3/products/nat_gateways";

    public static readonly ProductKind Kind = new ProductKind<NatGatewayService>
    {
        Type = "NAT_GATEWAY",
        Word = "NAT gateway",
        Write = NatGatewayService.Write,
        Order = new OrderRule(NatGatewayOrder.Plan, NatGatewayOrder.LineFields,
            (_, w, s) => NatGatewayService.WriteBuyAnswer(w, (NatGatewayService)s), buysDesigns: true),
        // Measured at its own path; this kind's answers spell the type in lower case too ("bits", "in").
        Telemetry = new TelemetrySpec(Root, s => ((NatGatewayService)s).Speed, SubtypeCase.LowerWithType, "BITS", "PACKETS", "SPEED"),
        Update = new UpdateRule<NatGatewayService>(Root + "/{uid}", NatGatewayOrder.DesignFields, NatGatewayOrder.Update,
            (json, w, n) => NatGatewayService.WriteGateway(json, w, n, productList: false)),
        CancelLater = (_, _) => "NAT gateway",
        MapEndpoints = Map,
    };

    private static void Map(WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        app.MapGet(Root, () =>
        {
            lock (state.Gate)
            {
                state.Advance();
                return Api.Ok("NAT gateways", w =>
                {
                    w.WriteStartArray();
                    foreach (var n in state.TopLevel.OfType<NatGatewayService>()) NatGatewayService.WriteGateway(sim.Json, w, n, productList: false);
                    w.WriteEndArray();
                });
            }
        });

        app.MapPost(Root, async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, NatGatewayOrder.DesignFields);
            if (error is not null) return (IResult)error;
            lock (state.Gate)
            {
                try
                {
                    var n = NatGatewayOrder.New(state, new JsonFields(body!, "", shape: NatGatewayOrder.DesignFields));
                    n.ProductId = state.TakeProductId();
                    n.CreateDate = state.Now;
                    state.Add(n);
                    return (IResult)Api.Ok("NAT gateway design created", w => NatGatewayService.WriteGateway(sim.Json, w, n, productList: false));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });

        app.MapGet(Root + "/sessions", () => Api.Ok("NAT gateway sessions", w =>
        {
            w.WriteStartArray();
            foreach (var (speed, counts) in NatGatewayOrder.Sessions)
            {
                w.WriteStartObject();
                w.WriteIntArray("sessionCount", counts);
                w.WriteNumber("speedMbps", speed);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));

        app.MapGet(Root + "/{uid}", (string uid) => Gateway(sim, uid, change: false, n =>
            Api.Ok($"NAT gateway {n.Uid}", w => NatGatewayService.WriteGateway(sim.Json, w, n, productList: false))));

        // Only a design that was never bought is deleted (it disappears); a bought one is cancelled like any service.
        app.MapDelete(Root + "/{uid}", (string uid) => Gateway(sim, uid, change: true, n =>
        {
            if (!n.IsDesign)
                throw new OrderValidationException($"NAT gateway {n.Uid} is {n.Status}: only a DESIGN is deleted here; cancel a bought gateway with POST /v3/product/{n.Uid}/action/CANCEL_NOW");
            state.Remove(n);
            return Api.Ok("Nat gateway order item deleted successfully", null);
        }));

        MapList(app, sim, PacketFilters, deleted: (n, id) => Detach(sim, n, id));
        MapList(app, sim, PrefixLists, inUse: (n, list) => PrefixListRules.InUse(sim.State, n, list));
        NatGatewayDiagnostics.Map(app, sim);
    }

    /// <summary>One kind of a gateway's lists: its path, its body, where they are kept, how they are read and written.</summary>
    private sealed record ListKind<T>(string Segment, string Word, ObjectShape Fields, Func<NatGatewayService, List<T>> Lists, Func<T, int> Id,
        Func<JsonFields, int, T> Parse, Action<Utf8JsonWriter, T> Write, Action<Utf8JsonWriter, T> Summary);

    private static readonly ListKind<NatPacketFilter> PacketFilters = new("packet_filter", "Packet filter", NatGatewayOrder.PacketFilterFields,
        n => n.PacketFilters, p => p.Id, (f, id) =>
        {
            var (description, entries) = NatGatewayOrder.PacketFilter(f);
            return new NatPacketFilter { Id = id, Description = description, Entries = entries };
        },
        NatGatewayService.WritePacketFilter, (w, p) =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", p.Id);
            w.WriteString("description", p.Description);
            w.WriteEndObject();
        });

    // The one prefix list of MCRs and NAT gateways; the summaries are its entry-less form.
    private static readonly ListKind<PrefixList> PrefixLists = new("prefix_list", "Prefix list", NatGatewayOrder.PrefixListFields,
        n => n.PrefixLists, p => p.Id, NatGatewayOrder.PrefixList, (w, p) => p.Write(w, entries: true), (w, p) => p.Write(w, entries: false));

    /// <summary>
    /// The summaries, create, read, replace (whole) and delete of one kind of list. <paramref name="inUse"/> says why a
    /// list cannot be deleted (null: it can); <paramref name="deleted"/> tidies up after a delete.
    /// </summary>
    private static void MapList<T>(WebApplication app, SimulatorContext sim, ListKind<T> kind,
        Func<NatGatewayService, T, string?>? inUse = null, Action<NatGatewayService, int>? deleted = null) where T : class
    {
        var path = Root + "/{uid}/" + kind.Segment;
        T Find(NatGatewayService n, int id) => kind.Lists(n).FirstOrDefault(x => kind.Id(x) == id)
            ?? throw new NotFound($"{kind.Word} {id} was not found on NAT gateway {n.Uid}");

        app.MapGet(path + "_summaries", (string uid) => Gateway(sim, uid, change: false, n => Api.Ok(kind.Word + "s", w =>
        {
            w.WriteStartArray();
            foreach (var x in kind.Lists(n)) kind.Summary(w, x);
            w.WriteEndArray();
        })));

        app.MapPost(path + "s", async (string uid, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, kind.Fields);
            return (IResult?)error ?? Gateway(sim, uid, change: true, n =>
            {
                var created = kind.Parse(new JsonFields(body!, "", shape: kind.Fields), n.NextListId);
                n.TakeListId();
                kind.Lists(n).Add(created);
                return Api.Ok(kind.Word + " created", w => kind.Write(w, created));
            });
        });

        app.MapGet(path + "s/{id:int}", (string uid, int id) => Gateway(sim, uid, change: false, n =>
            Api.Ok(kind.Word, w => kind.Write(w, Find(n, id)))));

        app.MapPut(path + "s/{id:int}", async (string uid, int id, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, kind.Fields);
            return (IResult?)error ?? Gateway(sim, uid, change: true, n =>
            {
                var lists = kind.Lists(n);
                var index = lists.IndexOf(Find(n, id));
                lists[index] = kind.Parse(new JsonFields(body!, "", shape: kind.Fields), id);
                return Api.Ok(kind.Word + " updated", w => kind.Write(w, lists[index]));
            });
        });

        app.MapDelete(path + "s/{id:int}", (string uid, int id) => Gateway(sim, uid, change: true, n =>
        {
            var list = Find(n, id);
            if (inUse?.Invoke(n, list) is { } users) return Api.BadRequest($"{kind.Word} {id} is in use and cannot be deleted", users);
            kind.Lists(n).Remove(list);
            deleted?.Invoke(n, id);
            return Api.Ok(kind.Word + " deleted", null);
        }));
    }

    /// <summary>VXC interfaces that used a deleted filter lose it, as the API detaches them.</summary>
    private static void Detach(SimulatorContext sim, NatGatewayService n, int id)
    {
        foreach (var v in sim.State.AttachedTo(n.Uid).OfType<VxcService>())
            foreach (var config in new[] { v.A.ProductUid == n.Uid ? v.APartnerConfig : null, v.B.ProductUid == n.Uid ? v.BPartnerConfig : null })
                foreach (var i in (config?["interfaces"] as JsonArray ?? []).OfType<JsonObject>())
                    foreach (var key in new[] { "packetFilterIn", "packetFilterOut" })
                        if (VxcVRouterRules.Number(i[key]) == id) i.Remove(key);
    }

    /// <summary>A packet filter or prefix list id the gateway does not have: 404.</summary>
    private sealed class NotFound(string detail) : Exception(detail);

    /// <summary>
    /// Runs <paramref name="act"/> on a NAT gateway of the account under the state lock; a change is refused while it is
    /// locked or gone. Rule failures are 400s; an unknown UID is the API's "Could not find a service" 400.
    /// </summary>
    public static IResult Gateway(SimulatorContext sim, string uid, bool change, Func<NatGatewayService, IResult> act)
    {
        var state = sim.State;
        lock (state.Gate)
        {
            state.Advance();
            if (!state.Services.TryGetValue(uid, out var s) || s is not NatGatewayService n) return Api.ServiceNotFound(uid);
            if (change && (n.Locked || n.AdminLocked))
                return Api.BadRequest($"Service locked: {n.Uid} must be unlocked before it can be changed or cancelled", null);
            if (change && n.Status is ProvisioningStatus.Decommissioned or ProvisioningStatus.Cancelled)
                return Api.BadRequest("Validation failed", $"NAT gateway {n.Uid} is {n.Status} and cannot be changed");
            try
            {
                var result = act(n);
                if (change) state.Changed();
                return result;
            }
            catch (OrderValidationException ex)
            {
                return Api.BadRequest("Validation failed", ex.Message);
            }
            catch (NotFound ex)
            {
                return Api.Error(404, "Not Found", ex.Message);
            }
        }
    }
}
