using System.Text.Json;

namespace Megaport.Simulator.Products;

/// <summary>A legacy MegaDirect service: listed and readable, but it cannot be ordered, updated or carry VXCs.</summary>
public sealed class MegadirectService : PortLikeService
{
    public override bool TerminatesVxcs => false;

    public static void Write(ProductJson json, Utf8JsonWriter w, MegadirectService m) =>
        PortLikeJson.WritePort(json, w, m, default, connectType: "MEGADIRECT");
}

/// <summary>The MegaDirect kind's registration (read-only).</summary>
public static class MegadirectProduct
{
    public static readonly ProductKind Kind = new ProductKind<MegadirectService>
    {
        Type = "MEGADIRECT",
        Word = "MEGADIRECT",
        EndWord = "port",
        Write = MegadirectService.Write,
        Order = OrderRule.None,
        Telemetry = null,
        Update = UpdateRule<MegadirectService>.ReadOnly,
        CancelLater = (_, _) => "MEGADIRECT",
    };
}
