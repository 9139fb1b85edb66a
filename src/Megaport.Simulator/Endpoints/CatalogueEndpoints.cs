using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.Products;
using Megaport.Simulator.Seed;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Endpoints;

/// <summary>Read-only catalogues: the marketplace, cloud key look-ups, MVE images/sizes, IXPs (locations: LocationEndpoints).</summary>
public static class CatalogueEndpoints
{
    public static void MapCatalogue(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        app.MapGet("/v2/dropdowns/partner/megaports", () =>
        {
            lock (state.Gate)
            {
                return Api.Ok("All Partner Megaports", w =>
                {
                    w.WriteStartArray();
                    foreach (var p in state.Partners) WritePartner(w, p);
                    w.WriteEndArray();
                });
            }
        });

        // Google pairing keys contain '/', hence the catch-all; clients may also send them %2F-encoded.
        app.MapGet("/v2/secure/{provider}/{**key}", (string provider, string key) =>
        {
            provider = provider.ToLowerInvariant();
            key = Uri.UnescapeDataString(key);
            if (provider is not ("azure" or "google" or "oracle"))
                return Api.BadRequest("Invalid request", $"Unsupported partner '{provider}' (use azure, google or oracle)");
            lock (state.Gate)
            {
                if (!state.CspKeys.TryGetValue(provider + "/" + key, out var csp))
                    return provider switch
                    {
                        "azure" => Api.BadRequest("Invalid service key", $"Service key {key} not found"),
                        "google" => Api.BadRequest("Invalid pairing key", $"Pairing key {key} not found"),
                        _ => Api.BadRequest("Invalid virtual circuit id", $"Virtual circuit {key} not found"),
                    };
                return Api.Ok($"Found {provider} key {key}", w => WriteLookup(w, state, csp));
            }
        });

        app.MapGet("/v4/product/mve/images", () => Api.Ok("Current supported MVE images", w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("mveImages");
            foreach (var p in Catalogue.MveProducts)
            {
                w.WriteStartObject();
                w.WriteString("product", p.Product);
                w.WriteString("vendor", p.Vendor);
                w.WriteString("vendorProductId", p.VendorProductId);
                w.WriteStartArray("images");
                foreach (var i in p.Images)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", i.Id);
                    w.WriteString("version", i.Version);
                    w.WriteString("productCode", i.ProductCode);
                    w.WriteStringOrNull("vendorDescription", i.VendorDescription);
                    w.WriteBoolean("releaseImage", i.ReleaseImage);
                    w.WriteStringArray("availableSizes", i.Sizes);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));

        app.MapGet("/v3/product/mve/variants", () => Api.Ok("Current supported MVE sizes", w =>
        {
            w.WriteStartArray();
            foreach (var s in Catalogue.Sizes)
            {
                w.WriteStartObject();
                w.WriteString("size", s.Size);
                w.WriteString("label", s.Label);
                w.WriteNumber("cpuCoreCount", s.CpuCoreCount);
                w.WriteNumber("ramGB", s.RamGB);
                w.WriteNumber("bandwidthMbps", s.BandwidthMbps);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));

        app.MapGet("/v2/ixp", () => Api.Ok("List of Internet Exchanges", w =>
        {
            w.WriteStartArray();
            foreach (var x in Catalogue.Ixps)
            {
                w.WriteStartObject();
                w.WriteNumber("id", x.Id);
                w.WriteNumber("asn", x.Asn);
                w.WriteString("name", x.Name);
                w.WriteString("metro", x.Metro);
                w.WriteString("ipv4_network", x.Ipv4Network);
                w.WriteString("ipv6_network", x.Ipv6Network);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }

    private static void WriteLookup(Utf8JsonWriter w, SimulatorState state, CspKey csp)
    {
        w.WriteStartObject();
        w.WriteNumber("bandwidth", csp.Bandwidth);
        w.WriteIntArray("bandwidths", csp.Provider == "google"
            ? new[] { 50, 100, 200, 300, 400, 500, 1000, 2000, 5000, 10000 }.Where(b => b <= csp.Bandwidth)
            : [csp.Bandwidth]);
        w.WriteString("resource_type", csp.Provider switch { "azure" => "azure", "google" => "google_interconnect", _ => "oracle_fastconnect" });
        w.WriteString("service_key", csp.Key);
        w.WriteNumber("vlan", csp.Vlan);
        w.WriteStartArray("peers");
        foreach (var p in csp.Peers)
        {
            w.WriteStartObject();
            w.WriteNumber("peer_asn", p.PeerAsn);
            w.WriteString("prefixes", "");
            w.WriteString("primary_subnet", p.PrimarySubnet);
            w.WriteString("secondary_subnet", p.SecondarySubnet);
            w.WriteString("type", p.Type);
            w.WriteNumber("vlan", p.Vlan);
            w.WriteString("shared_key", "");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("megaports");
        foreach (var (uid, type) in csp.Ports)
        {
            var port = state.PartnersByUid[uid];
            var loc = state.LocationsById.GetValueOrDefault(port.LocationId);
            w.WriteStartObject();
            w.WriteNumber("port", port.ProductId);
            w.WriteString("type", type);
            w.WriteNumber("vxc", VxcOrder.CountOnKey(state, uid, csp.Key)); // the account's active VXCs on this key and port
            w.WriteNumber("productId", port.ProductId);
            w.WriteString("productUid", port.ProductUid);
            w.WriteString("name", port.Title);
            w.WriteNumber("nServiceId", port.ProductId);
            w.WriteString("description", port.Title);
            w.WriteNumber("companyId", port.Company.Id);
            w.WriteString("companyName", port.Company.Name);
            w.WriteNumber("portSpeed", port.MaxVxcSpeed);
            w.WriteNumber("locationId", port.LocationId);
            w.WriteString("state", loc?.State ?? "");
            w.WriteString("country", loc?.Country ?? "");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePartner(Utf8JsonWriter w, PartnerPort p)
    {
        w.WriteStartObject();
        w.WriteString("productUid", p.ProductUid);
        w.WriteString("companyUid", p.Company.Uid);
        w.WriteString("companyName", p.Company.Name);
        w.WriteString("title", p.Title);
        w.WriteNumber("locationId", p.LocationId);
        w.WriteNumber("speed", p.Speed);
        w.WriteNumber("maxVxcSpeed", p.MaxVxcSpeed);
        w.WriteNumber("rank", p.Rank);
        w.WriteBoolean("vxcPermitted", p.VxcPermitted);
        if (p.DiversityZone is null) w.WriteNull("diversityZone"); else w.WriteString("diversityZone", p.DiversityZone);
        w.WriteString("connectType", p.ConnectType);
        w.WriteEndObject();
    }
}
