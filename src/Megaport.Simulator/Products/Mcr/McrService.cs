using System.Text.Json;

namespace Megaport.Simulator.Products;

public sealed record McrAddOn(string AddOnUid, string AddOnType, int TunnelCount, int PackCount);

/// <summary>A Megaport Cloud Router: a virtual router at a location, with an ASN and optional IPsec add-ons.</summary>
public sealed class McrService : PortLikeService, IVirtualRouter
{
    public const long DefaultAsn = 133937;

    public long Asn { get; set; } = DefaultAsn;
    public List<McrAddOn> AddOns { get; } = new();

    public override bool VxcEndsMovable => false;

    public static void Write(ProductJson json, Utf8JsonWriter w, McrService m)
    {
        w.WriteStartObject();
        PortLikeJson.WriteFields(json, w, m, camelVxcPermitted: true);
        w.WriteStartObject("attributeTags");
        w.WriteEndObject();
        w.WriteString("connectType", "VROUTER");
        w.WriteStartObject("resources");
        PortLikeJson.WriteInterface(json, w, m);
        w.WriteStartObject("virtual_router");
        w.WriteNumber("id", m.ProductId);
        w.WriteNumber("mcrAsn", m.Asn);
        w.WriteString("name", m.Name);
        w.WriteString("resource_name", "virtual_router");
        w.WriteString("resource_type", "virtual_router");
        w.WriteNumber("speed", m.Speed);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("addOns");
        foreach (var a in m.AddOns)
        {
            w.WriteStartObject();
            w.WriteString("productUid", m.Uid);
            w.WriteString("addOnUid", a.AddOnUid);
            w.WriteString("addOnType", a.AddOnType);
            w.WriteNumber("tunnelCount", a.TunnelCount);
            w.WriteNumber("packCount", a.PackCount);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        json.WriteAttached(w, m.Uid);
        w.WriteEndObject();
    }
}
