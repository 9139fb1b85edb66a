using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.Seed;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Products;

public sealed class MveVnic
{
    public required string Description { get; set; }
    public int Vlan { get; set; }
}

/// <summary>A Megaport Virtual Edge: a vendor image of some size at a location, with up to five vNICs.</summary>
public sealed class MveService : PortLikeService
{
    public required string Vendor { get; init; }
    public required string ProductSize { get; init; }
    public string? MveLabel { get; init; }
    public int ImageId { get; init; }
    public string ImageProduct { get; init; } = "";
    public string ImageVersion { get; init; } = "";
    public int CpuCount { get; init; } = 2;
    public List<MveVnic> Vnics { get; } = new();

    public override bool VxcEndsMovable => false;
    public override int? VnicCount => Vnics.Count;

    /// <summary>VXCs may use the bandwidth of the MVE's size.</summary>
    public override int VxcCapacity(SimulatorState state) =>
        Catalogue.Sizes.FirstOrDefault(z => z.Size == ProductSize)?.BandwidthMbps ?? 500;

    public static void Write(ProductJson json, Utf8JsonWriter w, MveService m)
    {
        w.WriteStartObject();
        PortLikeJson.WriteFields(json, w, m, camelVxcPermitted: true);
        w.WriteStartObject("attributeTags");
        w.WriteEndObject();
        w.WriteString("vendor", m.Vendor);
        w.WriteString("mveSize", m.ProductSize);
        w.WriteStringOrNull("mveLabel", m.MveLabel);
        w.WriteString("connectType", "MVE");
        w.WriteBoolean("up", m.Status == ProvisioningStatus.Live);
        w.WriteStartArray("vnics");
        foreach (var n in m.Vnics) WriteVnic(w, n);
        w.WriteEndArray();
        w.WriteStartObject("resources");
        PortLikeJson.WriteInterface(json, w, m);
        w.WriteStartArray("virtual_machine");
        w.WriteStartObject();
        w.WriteNumber("cpu_count", m.CpuCount);
        w.WriteNumber("id", m.ProductId);
        w.WriteStartObject("image");
        w.WriteNumber("id", m.ImageId);
        w.WriteString("vendor", m.Vendor);
        w.WriteString("product", m.ImageProduct);
        w.WriteString("version", m.ImageVersion);
        w.WriteEndObject();
        w.WriteString("resource_type", "virtual_machine");
        w.WriteBoolean("up", m.Status == ProvisioningStatus.Live);
        w.WriteStartArray("vnics");
        foreach (var n in m.Vnics) WriteVnic(w, n);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        json.WriteAttached(w, m.Uid);
        w.WriteEndObject();

        static void WriteVnic(Utf8JsonWriter w, MveVnic n)
        {
            w.WriteStartObject();
            w.WriteNumber("vlan", n.Vlan);
            w.WriteString("description", n.Description);
            w.WriteEndObject();
        }
    }
}
