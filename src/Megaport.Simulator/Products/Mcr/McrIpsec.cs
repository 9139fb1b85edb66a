using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Products;

/// <summary>
/// An MCR's IPsec: adding, resizing and removing the add-on (<c>/v3/product/{uid}/addon</c>), and the tunnels its VXCs
/// carry (<c>GET /v3/products/mcrs/{uid}/ipsec</c>, never with a pre-shared key). A change re-provisions the MCR.
/// </summary>
public static class McrIpsec
{
    private static readonly ObjectShape AddOnShape = Shape.Fields("addOnType", "tunnelCount");

    public static void Map(WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        app.MapPost("/v3/product/{uid}/addon", async (string uid, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, AddOnShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                state.Advance();
                if (Changeable(state, uid, out var mcr) is { } refused) return refused;
                try
                {
                    var f = new JsonFields(body!, "", shape: AddOnShape);
                    CheckType(f);
                    var count = f.Int("tunnelCount") ?? throw f.Fail("tunnelCount is required (10, 20 or 30)");
                    if (!McrOrder.IpsecTunnelCounts.Contains(count)) throw f.Fail($"tunnelCount {count} is invalid: use 10, 20 or 30");
                    if (mcr!.IpsecAddOn is { } existing)
                        throw f.Fail($"MCR {mcr.Name} ({mcr.Uid}) already has an IPsec add-on ({existing.AddOnUid}); change it with PUT /v3/product/{mcr.Uid}/addon/{existing.AddOnUid}");
                    var addOn = new McrAddOn(Guid.NewGuid().ToString(), McrAddOn.Ipsec, count, 1);
                    mcr.AddOns.Add(addOn);
                    Reprovision(state, mcr);
                    return Api.Ok($"Add-on [{addOn.AddOnUid}] added to MCR [{mcr.Uid}]", w => McrService.WriteAddOn(w, mcr, addOn));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });

        app.MapPut("/v3/product/{uid}/addon/{addOnUid}", async (string uid, string addOnUid, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, AddOnShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                state.Advance();
                if (Changeable(state, uid, out var mcr) is { } refused) return refused;
                var index = mcr!.AddOns.FindIndex(a => a.AddOnUid.Equals(addOnUid, StringComparison.OrdinalIgnoreCase));
                if (index < 0) return Api.BadRequest($"Could not find add-on {addOnUid} on product {mcr.Uid}", null);
                try
                {
                    var f = new JsonFields(body!, "", shape: AddOnShape);
                    CheckType(f);
                    var count = f.Int("tunnelCount") ?? throw f.Fail("tunnelCount is required (0 removes the add-on, or 10, 20 or 30)");
                    if (count != 0 && !McrOrder.IpsecTunnelCounts.Contains(count)) throw f.Fail($"tunnelCount {count} is invalid: use 0 (remove), 10, 20 or 30");
                    var addOn = mcr.AddOns[index];
                    var users = TunnelUsers(state, mcr).ToList();
                    var inUse = users.Sum(u => u.Tunnels);
                    var inUseText = string.Join(", ", users.Select(u => $"{u.Vxc.Name} ({u.Vxc.Uid}, {u.Vxc.Status}): {u.Tunnels}"));
                    if (count == 0 && inUse > 0)
                        throw new RequestRefusedException("Cannot remove the IPsec add-on while IPsec tunnels are still provisioned or deprovisioning",
                            $"MCR {mcr.Name} ({mcr.Uid}) has {inUse} IPsec tunnel(s) on VXCs that are not decommissioned: {inUseText}");
                    var limit = count * Math.Max(1, addOn.PackCount);
                    if (count != 0 && limit < inUse)
                        throw f.Fail($"tunnelCount {count} is below the {inUse} IPsec tunnels in use on MCR {mcr.Name} ({inUseText})");
                    if (count == addOn.TunnelCount) return Api.Ok($"Add-on [{addOn.AddOnUid}] unchanged", w => McrService.WriteAddOn(w, mcr, addOn));
                    var changed = addOn with { TunnelCount = count };
                    if (count == 0) mcr.AddOns.RemoveAt(index); else mcr.AddOns[index] = changed;
                    Reprovision(state, mcr);
                    return Api.Ok(count == 0 ? $"Add-on [{addOn.AddOnUid}] removed from MCR [{mcr.Uid}]" : $"Add-on [{addOn.AddOnUid}] updated",
                        w => McrService.WriteAddOn(w, mcr, changed));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
                catch (RequestRefusedException ex)
                {
                    return Api.BadRequest(ex.Message, ex.Detail);
                }
            }
        });

        app.MapGet("/v3/products/mcrs/{uid}/ipsec", (string uid) =>
        {
            lock (state.Gate)
            {
                state.Advance();
                if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
                if (s is not McrService mcr) return Api.BadRequest("Not supported service type", $"{s.Descriptor.Word} {uid} has no IPsec tunnels: they belong to MCRs");
                return Api.Ok($"IPsec tunnels of MCR {mcr.Uid}", w => WriteTunnels(w, state, mcr));
            }
        });
    }

    /// <summary>The VXCs on the MCR that carry tunnels and are not decommissioned (a cancelled one may come back).</summary>
    public static IEnumerable<(VxcService Vxc, int Tunnels)> TunnelUsers(SimulatorState state, IVirtualRouter router)
    {
        foreach (var v in state.AttachedTo(router.Uid).OfType<VxcService>())
        {
            if (v.Status == ProvisioningStatus.Decommissioned) continue;
            var n = VxcVRouterRules.TunnelCount(VxcVRouterRules.ConfigAt(v, router.Uid));
            if (n > 0) yield return (v, n);
        }
    }

    private static void CheckType(JsonFields f)
    {
        var type = f.Str("addOnType") ?? throw f.Fail("addOnType is required (IP_SEC)");
        if (!type.Equals(McrAddOn.Ipsec, StringComparison.OrdinalIgnoreCase))
            throw f.Fail($"addOnType '{type}' is not supported (IP_SEC)");
    }

    /// <summary>The MCR, when an add-on change is allowed (known, an MCR, active, not locked); otherwise the refusal.</summary>
    private static ApiResult? Changeable(SimulatorState state, string uid, out McrService? mcr)
    {
        mcr = null;
        if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
        if (s is not McrService m) return Api.BadRequest("Validation failed", $"Product {uid} is a {s.Kind}: IP_SEC add-ons are for MCRs");
        if (s.Locked || s.AdminLocked) return Api.BadRequest($"Service locked: {s.Uid} must be unlocked before it can be changed or cancelled", null);
        if (!s.IsActive) return Api.BadRequest("Validation failed", $"MCR {uid} is {s.Status} and cannot be changed");
        mcr = m;
        return null;
    }

    /// <summary>A LIVE MCR goes back to CONFIGURED and is LIVE again one provision delay later, so clients have something to wait for.</summary>
    private static void Reprovision(SimulatorState state, McrService mcr)
    {
        if (mcr.Status == ProvisioningStatus.Live)
        {
            mcr.Status = ProvisioningStatus.Configured;
            state.ResumeProvisioning(mcr);
        }
        state.Changed();
    }

    private static void WriteTunnels(Utf8JsonWriter w, SimulatorState state, McrService mcr)
    {
        var total = 0;
        w.WriteStartObject();
        w.WriteStartArray("ipSecConfiguredVxcs");
        foreach (var (v, _) in TunnelUsers(state, mcr))
        {
            var end = v.A.ProductUid.Equals(mcr.Uid, StringComparison.OrdinalIgnoreCase) ? v.A : v.B;
            w.WriteStartObject();
            w.WriteString("name", v.Name);
            w.WriteString("productUid", v.Uid);
            w.WriteStartArray("tunnels");
            foreach (var i in VxcVRouterRules.Interfaces(VxcVRouterRules.ConfigAt(v, mcr.Uid)))
            {
                if (!VxcVRouterRules.IsTunnel(i) || i["ipSecTunnelOptions"] is not JsonObject t) continue;
                total++;
                w.WriteStartObject();
                w.WriteStringOrNull("description", VxcVRouterRules.Text(i["description"]));
                w.WriteStringOrNull("sourceIpAddress", VxcVRouterRules.Text(t["sourceIpAddress"]));
                w.WriteStringOrNull("destinationIpAddress", VxcVRouterRules.Text(t["destinationIpAddress"]));
                w.WriteStringOrNull("localId", VxcVRouterRules.Text(t["localId"]));
                w.WriteStringOrNull("remoteId", VxcVRouterRules.Text(t["remoteId"]));
                w.WriteNumber("vlan", VxcVRouterRules.Number(i["vlan"]) is long vlan and > 0 ? vlan : end.Vlan);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("totalTunnelCount", total);
        w.WriteNumber("maxTunnelCountLimit", mcr.IpsecTunnelLimit);
        w.WriteEndObject();
    }
}
