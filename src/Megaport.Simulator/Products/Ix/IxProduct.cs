using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>The IX kind's registration and PUT (answers with the IX itself).</summary>
public static class IxProduct
{
    // Declared before Kind, which reads it while the class initialises.
    private static readonly ObjectShape UpdateFields = Shape.Fields(
        "name", "rateLimit", "costCentre", "vlan", "macAddress", "asn", "password", "publicGraph", "reverseDns", "aEndProductUid", "shutdown");

    public static readonly ProductKind Kind = new ProductKind<IxService>
    {
        Type = "IX",
        Word = "IX",
        AttachedAs = "associatedIxs",
        Write = IxService.Write,
        Order = new OrderRule(IxOrder.Plan, IxOrder.Fields),
        Telemetry = new TelemetrySpec("/v2/product/ix", s => ((IxService)s).RateLimit, SubtypeCase.Lower, "BITS", "PACKETS"),
        Update = new UpdateRule<IxService>("/v2/product/ix/{uid}", UpdateFields, Update, IxService.Write),
        CancelLater = (_, _) => null,
    };

    /// <summary>Fields apply as they are read, so a refusal keeps those before it; port, rate and VLAN are checked together and applied last.</summary>
    private static void Update(SimulatorState state, IxService ix, JsonFields f)
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
        if (rate > port.VxcCapacity(state)) throw f.Fail($"rateLimit {rate} exceeds the port speed {port.VxcCapacity(state)}");
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
            if (!IxOrder.MacAddress().IsMatch(mac)) throw f.Fail($"macAddress must look like 00:11:22:33:44:55 (got '{mac}')");
            ix.MacAddress = mac.ToLowerInvariant();
        }
        if (f.Has("asn")) ix.Asn = Asn(f, "asn", required: true);
        if (f.Has("password")) ix.Password = f.Str("password");
        if (f.Bool("publicGraph") is bool pg) ix.PublicGraph = pg;
        if (f.Has("reverseDns")) ix.ReverseDns = f.Str("reverseDns");
        if (f.Bool("shutdown") is bool sd) ix.Shutdown = sd;
        ix.RateLimit = rate;
        ix.Vlan = vlan;
        if (portUid != ix.PortUid) state.Reattach(ix, () => ix.PortUid = portUid);
    }
}
