using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>The MCR kind's registration and PUT (the port-like fields plus <c>asn</c>).</summary>
public static class McrProduct
{
    public static readonly ProductKind Kind = new ProductKind<McrService>
    {
        Type = "MCR2",
        Word = "MCR",
        Write = McrService.Write,
        Order = new OrderRule(McrOrder.Plan),
        Update = new UpdateRule<McrService>("/v2/product/mcr2/{uid}", (_, mcr, f) =>
        {
            PortLikeRules.Update(mcr, f);
            if (f.Has("asn")) mcr.Asn = Asn(f, "asn", required: true);
        }, (_, w, mcr) => PortLikeJson.WriteServiceRecord(w, mcr)),
        CancelLater = (_, _) => "MCR",
        MapEndpoints = LookingGlass.LookingGlassEndpoints.Map,
    };
}
