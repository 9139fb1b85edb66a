using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>The MCR kind's registration, PUT (the port-like fields plus <c>asn</c>), prefix lists and IPsec.</summary>
public static class McrProduct
{
    public static readonly ProductKind Kind = new ProductKind<McrService>
    {
        Type = "MCR2",
        Word = "MCR",
        Write = McrService.Write,
        Order = new OrderRule(McrOrder.Plan, McrOrder.Fields),
        Telemetry = new TelemetrySpec("/v2/product/mcr2", s => ((McrService)s).Speed, SubtypeCase.Title,
            "BITS", "PACKETS", "ERRORS", "SPEED", "BYTES_RATE", "BYTES_VOLUME"),
        Update = new UpdateRule<McrService>("/v2/product/mcr2/{uid}", PortLikeRules.UpdateFields.Plus(Shape.Fields("asn")), Update,
            (_, w, mcr) => PortLikeJson.WriteServiceRecord(w, mcr)),
        CancelLater = (_, _) => "MCR",
        MapEndpoints = (app, sim) =>
        {
            MapEndpoints(app, sim);
            LookingGlass.LookingGlassEndpoints.Map(app, sim);
        },
    };

    private static void MapEndpoints(WebApplication app, SimulatorContext sim)
    {
        McrPrefixLists.Map(app, sim);
        McrIpsec.Map(app, sim);
    }

    private static void Update(SimulatorState state, McrService mcr, JsonFields f)
    {
        // The ASN is checked first, so a refused change leaves the other fields alone too.
        var asn = f.Has("asn") ? Asn(f, "asn", required: true) : mcr.Asn;
        if (asn != mcr.Asn)
        {
            var attached = state.AttachedTo(mcr.Uid).OfType<VxcService>().Where(v => v.IsActive).ToList();
            if (attached.Count > 0)
                throw new RequestRefusedException(
                    "Cannot update ASN while VXCs are attached to this MCR. Please remove all VXC connections before changing the ASN.",
                    $"MCR {mcr.Name} ({mcr.Uid}) has {attached.Count} attached VXC(s): {string.Join(", ", attached.Select(v => $"{v.Name} ({v.Uid})"))}");
        }
        PortLikeRules.Update(mcr, f);
        mcr.Asn = asn;
    }
}
