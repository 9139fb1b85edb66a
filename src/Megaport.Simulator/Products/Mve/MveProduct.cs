using System.Text.Json.Nodes;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Products;

/// <summary>The MVE kind's registration and PUT (the port-like fields plus positional vNIC renames).</summary>
public static class MveProduct
{
    public static readonly ProductKind Kind = new ProductKind<MveService>
    {
        Type = "MVE",
        Word = "MVE",
        Write = MveService.Write,
        Order = new OrderRule(MveOrder.Plan, MveOrder.Fields),
        Telemetry = new TelemetrySpec("/v2/product/mve", s => ((MveService)s).Speed, SubtypeCase.Upper, "BITS", "PACKETS", "ERRORS"),
        Update = new UpdateRule<MveService>("/v2/product/mve/{uid}",
            PortLikeRules.UpdateFields.Plus(Shape.Fields().With("vnics", Shape.ListOf(Shape.Fields("description")))), (_, mve, f) => Update(mve, f),
            (_, w, mve) => PortLikeJson.WriteServiceRecord(w, mve)),
        CancelLater = (_, _) => "MVE",
    };

    private static void Update(MveService mve, JsonFields f)
    {
        PortLikeRules.Update(mve, f);
        if (f.Arr("vnics") is not { } vnics) return;
        // vNIC renames are positional: entry i renames vNIC i.
        if (vnics.Count > mve.Vnics.Count) throw f.Fail($"vnics: the MVE has {mve.Vnics.Count} vNICs, got {vnics.Count} entries");
        var names = vnics.Select(n => (n as JsonObject)?["description"] is JsonValue v && v.TryGetValue<string>(out var d) ? d : null).ToList();
        if (names.Any(string.IsNullOrWhiteSpace)) throw f.Fail("vnics: every entry needs a non-empty description");
        for (var i = 0; i < names.Count; i++) mve.Vnics[i].Description = names[i]!;
    }
}
