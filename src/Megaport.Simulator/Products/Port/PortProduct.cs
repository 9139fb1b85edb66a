using Megaport.Simulator.Http;

namespace Megaport.Simulator.Products;

/// <summary>The port kind (LAGs included): registration, PUT and the free-VLAN look-up.</summary>
public static class PortProduct
{
    public static readonly ProductKind Kind = new ProductKind<PortService>
    {
        Type = "MEGAPORT",
        Word = "Port",
        EndWord = "port",
        Write = PortService.Write,
        Order = new OrderRule(PortOrder.Plan, PortOrder.Fields),
        Telemetry = new TelemetrySpec("/v2/product/megaport", s => ((PortService)s).Speed, SubtypeCase.Upper,
            "BITS", "PACKETS", "ERRORS", "OPTICAL", "OPTICAL_100G"),
        Update = new UpdateRule<PortService>("/v2/product/megaport/{uid}", PortLikeRules.UpdateFields,
            (_, port, f) => PortLikeRules.Update(port, f),
            (_, w, port) => PortLikeJson.WriteServiceRecord(w, port, port.Lag)),
        CancelLater = (_, port) => port.IsLagMember ? "LAG port" : "Port",
        MapEndpoints = MapVlans,
    };

    /// <summary><c>GET /v2/product/port/{uid}/vlan?vlan=N</c>: every free VLAN on the port (N is in it when free).</summary>
    private static void MapVlans(WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;
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
    }
}
