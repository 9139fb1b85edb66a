using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Products.PortLikeRules;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>Ordering MVEs: <c>productType</c> MVE, a zone with MVE, a catalogue image and size, up to five vNICs.</summary>
public static class MveOrder
{
    private static readonly Dictionary<string, decimal> RackUsd = new() { ["SMALL"] = 350, ["MEDIUM"] = 600, ["LARGE"] = 1100, ["X_LARGE_12"] = 1600 };

    /// <summary>One MVE's price by size (validate and the pricebook both quote it).</summary>
    public static Price PriceFor(State.Location loc, string size, int term) => Pricing.Fixed("MVE", loc, RackUsd.GetValueOrDefault(size, 600), term);

    private static string VendorKey(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Each vendor's image settings beside the common ones (by <c>vendorConfig.vendor</c>, letters and digits only).</summary>
    private static readonly Dictionary<string, string[]> VendorFields = new()
    {
        ["6wind"] = ["sshPublicKey"],
        ["aruba"] = ["accountName", "accountKey", "systemTag"],
        ["aviatrix"] = ["cloudInit"],
        ["cisco"] = ["manageLocally", "adminSshPublicKey", "sshPublicKey", "adminPassword", "cloudInit", "fmcIpAddress", "fmcRegistrationKey", "fmcNatId"],
        ["fortinet"] = ["adminSshPublicKey", "sshPublicKey", "licenseData"],
        // Prisma SD-WAN images are Palo Alto's too, so a "Palo Alto" vendor may carry either image's settings.
        ["paloalto"] = ["adminSshPublicKey", "sshPublicKey", "adminPasswordHash", "adminPassword", "licenseData", "ionKey", "secretKey"],
        ["prisma"] = ["ionKey", "secretKey"],
        ["versa"] = ["directorAddress", "controllerAddress", "localAuth", "remoteAuth", "serialNumber"],
        ["vmware"] = ["adminSshPublicKey", "sshPublicKey", "vcoAddress", "vcoActivationCode"],
        ["meraki"] = ["token"],
    };

    private static readonly Dictionary<string, ObjectShape> VendorShapes = VendorFields.ToDictionary(
        v => v.Key, v => Shape.Fields("vendor", "imageId", "productSize", "mveLabel").With(v.Value));

    /// <summary>An order item; <c>vendorConfig</c>'s fields depend on its vendor.</summary>
    public static readonly ObjectShape Fields = Shape.Fields("locationId", "productName", "term", "productType", "promoCode", "costCentre")
        .With("vnics", Shape.ListOf(Shape.Fields("description", "vlan")))
        .With("vendorConfig", Shape.OneOf(
            vc => vc["vendor"] is JsonValue v && v.TryGetValue<string>(out var name) ? VendorShapes.GetValueOrDefault(VendorKey(name)) : null,
            VendorShapes.Values.ToArray()))
        .With("config", ZoneConfig).With("resourceTags", TagList);

    public static void Plan(OrderPlan plan, JsonFields f, string? _)
    {
        var name = Name(f);
        var term = Term(f);
        var loc = ActiveLocation(plan, f);
        var zone = RequestedZone(f, loc);
        if (zone is not null && !loc.ZoneByName(zone)!.MveAvailable)
            throw f.Fail($"MVE is not available at location {loc.Id} ({loc.Name}) in the {zone} zone");
        zone ??= loc.Zones().FirstOrDefault(z => z.Zone.MveAvailable).Name
                 ?? throw f.Fail($"MVE is not available at location {loc.Id} ({loc.Name})");

        var vc = f.Sub("vendorConfig");
        if (!f.Has("vendorConfig")) throw f.Fail("vendorConfig is required");
        var vendor = vc.Str("vendor");
        if (string.IsNullOrWhiteSpace(vendor)) throw f.Fail("vendorConfig.vendor is required");
        var imageId = vc.Int("imageId") ?? throw f.Fail("vendorConfig.imageId is required");
        var found = Catalogue.FindImage(imageId) ?? throw f.Fail($"vendorConfig.imageId {imageId} was not found (see GET /v4/product/mve/images)");
        var (product, image) = found;
        if (VendorKey(vendor) != product.VendorKey && VendorKey(vendor) != VendorKey(product.Vendor))
            throw f.Fail($"vendorConfig.vendor '{vendor}' does not match image {imageId} ({product.Vendor} {product.Product})");
        var sizeName = vc.Str("productSize") ?? throw f.Fail("vendorConfig.productSize is required (SMALL, MEDIUM, LARGE or X_LARGE_12)");
        var size = Catalogue.Sizes.FirstOrDefault(z => z.Size.Equals(sizeName, StringComparison.OrdinalIgnoreCase))
                   ?? throw f.Fail($"vendorConfig.productSize '{sizeName}' is invalid: use SMALL, MEDIUM, LARGE or X_LARGE_12");
        if (!image.Sizes.Contains(size.Label))
            throw f.Fail($"image {imageId} ({product.Product} {image.Version}) is not offered in size {size.Size} (available: {string.Join(", ", image.Sizes)})");

        var mve = NewPortLike(new MveService
        {
            Uid = Guid.NewGuid().ToString(), Name = name, LocationId = loc.Id, Market = loc.Market, Speed = size.BandwidthMbps,
            DiversityZone = zone, Term = term, Company = plan.State.Account, CreatedBy = SeedIds.DemoUser,
            Vendor = product.Vendor.ToUpperInvariant().Replace(' ', '_'), ProductSize = size.Size,
            MveLabel = vc.Str("mveLabel") ?? size.Label, ImageId = imageId, ImageProduct = product.Product,
            ImageVersion = image.Version, CpuCount = size.CpuCoreCount,
        }, f);
        var vnics = f.Arr("vnics");
        if (vnics is null || vnics.Count == 0) mve.Vnics.Add(new MveVnic { Description = "Data Plane" });
        else
        {
            if (vnics.Count > 5) throw f.Fail($"vnics: at most 5 vNICs (got {vnics.Count})");
            foreach (var node in vnics)
            {
                if (node is not JsonObject no) throw f.Fail("vnics must hold {description, vlan} objects");
                var nf = new JsonFields(no, f.Label, "vnics.");
                var d = nf.Str("description");
                if (string.IsNullOrWhiteSpace(d)) throw f.Fail("vnics.description is required");
                mve.Vnics.Add(new MveVnic { Description = d, Vlan = nf.Int("vlan") ?? 0 });
            }
        }
        plan.Add(new PlannedService { Service = mve, Metro = loc.Metro, Price = PriceFor(loc, size.Size, term) });
    }
}
