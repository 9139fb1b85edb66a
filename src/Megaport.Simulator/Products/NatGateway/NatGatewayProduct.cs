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
            state.Services.Remove(n.Uid);
            state.TopLevel.Remove(n);
            state.Changed();
            return Api.Ok("Nat gateway order item deleted successfully", null);
        }));

        MapPacketFilters(app, sim);
        MapPrefixLists(app, sim);
        NatGatewayDiagnostics.Map(app, sim);
    }

    private static void MapPacketFilters(WebApplication app, SimulatorContext sim)
    {
        app.MapGet(Root + "/{uid}/packet_filter_summaries", (string uid) => Gateway(sim, uid, change: false, n =>
            Api.Ok("Packet filters", w =>
            {
                w.WriteStartArray();
                foreach (var p in n.PacketFilters)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", p.Id);
                    w.WriteString("description", p.Description);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            })));

        app.MapPost(Root + "/{uid}/packet_filters", async (string uid, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, NatGatewayOrder.PacketFilterFields);
            return (IResult?)error ?? Gateway(sim, uid, change: true, n =>
            {
                var (description, entries) = NatGatewayOrder.PacketFilter(new JsonFields(body!, "", shape: NatGatewayOrder.PacketFilterFields));
                var filter = new NatPacketFilter { Id = n.TakeListId(), Description = description, Entries = entries };
                n.PacketFilters.Add(filter);
                return Api.Ok("Packet filter created", w => NatGatewayService.WritePacketFilter(w, filter));
            });
        });

        app.MapGet(Root + "/{uid}/packet_filters/{id:int}", (string uid, int id) => Gateway(sim, uid, change: false, n =>
            Api.Ok("Packet filter", w => NatGatewayService.WritePacketFilter(w, Filter(n, id)))));

        app.MapPut(Root + "/{uid}/packet_filters/{id:int}", async (string uid, int id, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, NatGatewayOrder.PacketFilterFields);
            return (IResult?)error ?? Gateway(sim, uid, change: true, n =>
            {
                var filter = Filter(n, id);
                (filter.Description, filter.Entries) = NatGatewayOrder.PacketFilter(new JsonFields(body!, "", shape: NatGatewayOrder.PacketFilterFields));
                return Api.Ok("Packet filter updated", w => NatGatewayService.WritePacketFilter(w, filter));
            });
        });

        // VXC interfaces that used the filter lose it, as the API detaches them.
        app.MapDelete(Root + "/{uid}/packet_filters/{id:int}", (string uid, int id) => Gateway(sim, uid, change: true, n =>
        {
            n.PacketFilters.Remove(Filter(n, id));
            foreach (var v in sim.State.AttachedTo(n.Uid).OfType<VxcService>())
                foreach (var config in new[] { v.A.ProductUid == n.Uid ? v.APartnerConfig : null, v.B.ProductUid == n.Uid ? v.BPartnerConfig : null })
                    foreach (var i in (config?["interfaces"] as JsonArray ?? []).OfType<JsonObject>())
                        foreach (var key in new[] { "packetFilterIn", "packetFilterOut" })
                            if (NatGatewayService.Number(i[key]) == id) i.Remove(key);
            return Api.Ok("Packet filter deleted", null);
        }));
    }

    private static void MapPrefixLists(WebApplication app, SimulatorContext sim)
    {
        app.MapGet(Root + "/{uid}/prefix_list_summaries", (string uid) => Gateway(sim, uid, change: false, n =>
            Api.Ok("Prefix lists", w =>
            {
                w.WriteStartArray();
                foreach (var p in n.PrefixLists)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", p.Id);
                    w.WriteString("description", p.Description);
                    w.WriteString("addressFamily", p.AddressFamily);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            })));

        app.MapPost(Root + "/{uid}/prefix_lists", async (string uid, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, NatGatewayOrder.PrefixListFields);
            return (IResult?)error ?? Gateway(sim, uid, change: true, n =>
            {
                var (description, family, entries) = NatGatewayOrder.PrefixList(new JsonFields(body!, "", shape: NatGatewayOrder.PrefixListFields));
                var list = new NatPrefixList { Id = n.TakeListId(), Description = description, AddressFamily = family, Entries = entries };
                n.PrefixLists.Add(list);
                return Api.Ok("Prefix list created", w => NatGatewayService.WritePrefixList(w, list));
            });
        });

        app.MapGet(Root + "/{uid}/prefix_lists/{id:int}", (string uid, int id) => Gateway(sim, uid, change: false, n =>
            Api.Ok("Prefix list", w => NatGatewayService.WritePrefixList(w, PrefixList(n, id)))));

        app.MapPut(Root + "/{uid}/prefix_lists/{id:int}", async (string uid, int id, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, NatGatewayOrder.PrefixListFields);
            return (IResult?)error ?? Gateway(sim, uid, change: true, n =>
            {
                var list = PrefixList(n, id);
                (list.Description, list.AddressFamily, list.Entries) = NatGatewayOrder.PrefixList(new JsonFields(body!, "", shape: NatGatewayOrder.PrefixListFields));
                return Api.Ok("Prefix list updated", w => NatGatewayService.WritePrefixList(w, list));
            });
        });

        app.MapDelete(Root + "/{uid}/prefix_lists/{id:int}", (string uid, int id) => Gateway(sim, uid, change: true, n =>
        {
            n.PrefixLists.Remove(PrefixList(n, id));
            return Api.Ok("Prefix list deleted", null);
        }));
    }

    private static NatPacketFilter Filter(NatGatewayService n, int id) =>
        n.PacketFilters.FirstOrDefault(p => p.Id == id) ?? throw new NotFound($"Packet filter {id} was not found on NAT gateway {n.Uid}");

    private static NatPrefixList PrefixList(NatGatewayService n, int id) =>
        n.PrefixLists.FirstOrDefault(p => p.Id == id) ?? throw new NotFound($"Prefix list {id} was not found on NAT gateway {n.Uid}");

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
