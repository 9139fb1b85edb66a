using System.Text.Json;

namespace Megaport.Simulator.Products;

public sealed record McrAddOn(string AddOnUid, string AddOnType, int TunnelCount, int PackCount)
{
    public const string Ipsec = "IP_SEC";
}

/// <summary>A Megaport Cloud Router: a virtual router at a location, with an ASN, IPsec add-ons and prefix filter lists.</summary>
public sealed class McrService : PortLikeService, IVirtualRouter
{
    public const long DefaultAsn = 133937;

    public long Asn { get; set; } = DefaultAsn;
    public List<McrAddOn> AddOns { get; } = new();
    /// <summary>Prefix filter lists, in creation order; BGP sessions on this MCR's VXC ends name them by id.</summary>
    public List<PrefixList> PrefixLists { get; set; } = new();
    /// <summary>The highest list id this MCR has issued (deleted ones included), so ids are never reused.</summary>
    public int LastPrefixListId { get; set; }

    public override bool VxcEndsMovable => false;

    public PrefixList? FindPrefixList(int id) => PrefixLists.FirstOrDefault(l => l.Id == id);

    // An MCR's interfaces carry NAT addresses of their own and no packet filters.
    public bool TakesNatAddresses => true;
    public IReadOnlyCollection<int>? PacketFilterIds => null;

    public McrAddOn? IpsecAddOn => AddOns.FirstOrDefault(a => a.AddOnType == McrAddOn.Ipsec);

    /// <summary>The tunnels the IPsec add-on allows (0 without one); a pack multiplies the count.</summary>
    public int IpsecTunnelLimit => AddOns.Where(a => a.AddOnType == McrAddOn.Ipsec).Sum(a => a.TunnelCount * Math.Max(1, a.PackCount));

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
        foreach (var a in m.AddOns) WriteAddOn(w, m, a);
        w.WriteEndArray();
        json.WriteAttached(w, m.Uid);
        w.WriteEndObject();
    }

    public static void WriteAddOn(Utf8JsonWriter w, McrService m, McrAddOn a)
    {
        w.WriteStartObject();
        w.WriteString("productUid", m.Uid);
        w.WriteString("addOnUid", a.AddOnUid);
        w.WriteString("addOnType", a.AddOnType);
        w.WriteNumber("tunnelCount", a.TunnelCount);
        w.WriteNumber("packCount", a.PackCount);
        w.WriteEndObject();
    }
}
