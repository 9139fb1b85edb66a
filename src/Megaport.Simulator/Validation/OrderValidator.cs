using System.Text.Json.Nodes;
using Megaport.Simulator.Endpoints;
using Megaport.Simulator.Seed;
using Megaport.Simulator.State;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Validation;

/// <summary>One service an order will create, with what validate reports about it.</summary>
public sealed class PlannedService
{
    public required Service Service { get; init; }
    public required string LineType { get; init; }
    public required string Metro { get; init; }
    public required Price Price { get; init; }
    /// <summary>The product the line item refers to (the A-End/port for VXCs and IXs; null for new ports).</summary>
    public string? LineProductUid { get; init; }
    /// <summary>Members of one LAG share a group number (0 = not a LAG).</summary>
    public int LagGroup { get; init; }
    /// <summary>Non-null: the VXC waits for the other party's approval.</summary>
    public string? ApprovalMessage { get; init; }
    public ServiceKey? Key { get; init; }
}

/// <summary>
/// Checks a network design (the validate/buy item array) against the real rules and the current state, and turns it
/// into services ready to be created. Any failure throws <see cref="OrderValidationException"/>, so an order creates
/// everything or nothing. Runs under the state lock; VLANs taken by earlier items of the same order count as used.
/// </summary>
public sealed class OrderValidator
{
    private readonly SimulatorState _s;
    private readonly Dictionary<string, HashSet<int>> _reserved = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PlannedService> _plan = new();
    private int _lagGroups;

    private OrderValidator(SimulatorState state) => _s = state;

    public static List<PlannedService> Validate(SimulatorState state, JsonArray items)
    {
        if (items.Count == 0) throw new OrderValidationException("The order contains no items");
        var v = new OrderValidator(state);
        for (var i = 0; i < items.Count; i++) v.Item(i + 1, items[i]);
        return v._plan;
    }

    private void Item(int n, JsonNode? node)
    {
        if (node is not JsonObject o) throw new OrderValidationException($"Item {n}: must be a JSON object");
        if (o["associatedVxcs"] is not null) { Many(n, o, "associatedVxcs", Vxc); return; }
        if (o["associatedIxs"] is not null) { Many(n, o, "associatedIxs", Ix); return; }
        var label = $"Item {n} ({(o["productName"] as JsonValue)?.ToString() ?? "unnamed"})";
        var f = new JsonFields(o, label);
        var type = f.Str("productType");
        switch (type?.ToUpperInvariant())
        {
            case "MEGAPORT": Port(f); break;
            case "MCR2": Mcr(f); break;
            case "MVE": Mve(f); break;
            case null: throw f.Fail("productType is required (MEGAPORT, MCR2 or MVE), or give associatedVxcs / associatedIxs");
            default: throw f.Fail($"productType '{type}' is not supported (MEGAPORT, MCR2 or MVE)");
        }
    }

    private static void Many(int n, JsonObject o, string key, Action<JsonFields, string?> each)
    {
        if (o[key] is not JsonArray arr) throw new OrderValidationException($"Item {n}: {key} must be an array");
        if (arr.Count == 0) throw new OrderValidationException($"Item {n}: {key} is empty");
        var top = o["productUid"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        for (var k = 0; k < arr.Count; k++)
        {
            var name = (arr[k] as JsonObject)?["productName"] is JsonValue nv ? nv.ToString() : "unnamed";
            var label = arr.Count == 1 ? $"Item {n} ({name})" : $"Item {n}.{k + 1} ({name})";
            if (arr[k] is not JsonObject child) throw new OrderValidationException($"{label}: must be a JSON object");
            each(new JsonFields(child, label), top);
        }
    }

    // ---------------------------------------------------------------- locations and zones

    private Location ActiveLocation(JsonFields f)
    {
        var id = f.Int("locationId") ?? throw f.Fail("locationId is required");
        if (!_s.LocationsById.TryGetValue(id, out var loc)) throw f.Fail($"locationId {id} was not found");
        if (!loc.IsActive) throw f.Fail($"location {id} ({loc.Name}) is not active (status {loc.Status})");
        return loc;
    }

    private static string? RequestedZone(JsonFields f, Location loc)
    {
        var config = f.Sub("config");
        var zone = config.Str("diversityZone");
        if (string.IsNullOrEmpty(zone)) return null;
        zone = zone.ToLowerInvariant();
        if (zone is not ("red" or "blue")) throw f.Fail("config.diversityZone must be red or blue");
        if (loc.ZoneByName(zone) is null) throw f.Fail($"config.diversityZone {zone} is not available at location {loc.Id} ({loc.Name})");
        return zone;
    }

    /// <summary>Checks the speed is offered in the requested zone (or any zone) and returns the zone used.</summary>
    private static string PickZone(JsonFields f, Location loc, string? zone, int speed, Func<Zone, int[]> speeds, string field)
    {
        if (zone is not null)
        {
            var offered = speeds(loc.ZoneByName(zone)!);
            if (!offered.Contains(speed))
                throw f.Fail($"{field} {speed} is not available at location {loc.Id} ({loc.Name}) in the {zone} zone (available: {List(offered)})");
            return zone;
        }
        foreach (var (name, z) in loc.Zones())
            if (speeds(z).Contains(speed)) return name;
        throw f.Fail($"{field} {speed} is not available at location {loc.Id} ({loc.Name}) (available: {List(loc.Zones().SelectMany(z => speeds(z.Zone)).Distinct().Order())})");
    }

    private static string List(IEnumerable<int> xs) => xs.Any() ? string.Join(", ", xs) : "none";

    // ---------------------------------------------------------------- ports, MCRs, MVEs

    private T NewPortLike<T>(T s, JsonFields f) where T : PortLikeService
    {
        s.CostCentre = CostCentre(f);
        s.Tags = Tags(f);
        s.PromoCode = f.Str("promoCode");
        s.MarketplaceVisibility = f.Bool("marketplaceVisibility") ?? false;
        return s;
    }

    private void Port(JsonFields f)
    {
        var name = Name(f);
        var term = Term(f);
        var loc = ActiveLocation(f);
        var speed = f.Int("portSpeed") ?? throw f.Fail("portSpeed is required");
        var zone = RequestedZone(f, loc);
        var lagCount = f.Int("lagPortCount") ?? 0;
        if (lagCount != 0)
        {
            if (lagCount is < 1 or > 8) throw f.Fail($"lagPortCount {lagCount} is invalid: a LAG has 1-8 ports");
            if (!LagSpeeds.Contains(speed)) throw f.Fail($"portSpeed {speed} is not available for a LAG: use 10000, 100000 or 400000");
        }
        zone = PickZone(f, loc, zone, speed, z => z.PortSpeeds, "portSpeed");
        var group = lagCount > 0 ? ++_lagGroups : 0;
        for (var i = 0; i < Math.Max(lagCount, 1); i++)
        {
            var port = NewPortLike(new PortService
            {
                Uid = Guid.NewGuid().ToString(), Name = name, LocationId = loc.Id, Market = loc.Market, Speed = speed,
                DiversityZone = zone, Term = term, Company = _s.Account, CreatedBy = SeedIds.DemoUser,
                LagPrimary = lagCount > 0 && i == 0,
            }, f);
            _plan.Add(new PlannedService
            {
                Service = port, LineType = "MEGAPORT", Metro = loc.Metro, Price = Pricing.Port(loc, speed, term), LagGroup = group,
            });
        }
    }

    private void Mcr(JsonFields f)
    {
        var name = Name(f);
        var term = Term(f);
        var loc = ActiveLocation(f);
        var speed = f.Int("portSpeed") ?? throw f.Fail("portSpeed is required");
        if (!McrSpeeds.Contains(speed))
            throw f.Fail($"portSpeed {speed} is not a valid MCR speed (1000, 2500, 5000, 10000, 25000, 50000, 100000)");
        var zone = PickZone(f, loc, RequestedZone(f, loc), speed, z => z.McrSpeeds, "portSpeed");
        var asn = Asn(f.Sub("config"), "mcrAsn", required: false);
        var mcr = NewPortLike(new McrService
        {
            Uid = Guid.NewGuid().ToString(), Name = name, LocationId = loc.Id, Market = loc.Market, Speed = speed,
            DiversityZone = zone, Term = term, Company = _s.Account, CreatedBy = SeedIds.DemoUser,
            Asn = asn == 0 ? 133937 : asn, UsageAlgorithm = "POST_PAID_HOURLY_SPEED_MCR2",
        }, f);
        var tunnels = 0;
        foreach (var node in f.Arr("addOns") ?? [])
        {
            if (node is not JsonObject ao) throw f.Fail("addOns must hold objects");
            var a = new JsonFields(ao, f.Label, "addOns.");
            var type = a.Str("addOnType");
            if (!string.Equals(type, "IP_SEC", StringComparison.OrdinalIgnoreCase))
                throw f.Fail($"addOns.addOnType '{type}' is not supported (IP_SEC)");
            var count = a.Int("tunnelCount") ?? 10;
            if (!IpsecTunnelCounts.Contains(count)) throw f.Fail($"addOns.tunnelCount {count} is invalid: use 10, 20 or 30");
            var packs = a.Int("packCount") ?? 1;
            if (packs < 1) throw f.Fail("addOns.packCount must be at least 1");
            mcr.AddOns.Add(new McrAddOn(Guid.NewGuid().ToString(), "IP_SEC", count, packs));
            tunnels += count * packs;
        }
        _plan.Add(new PlannedService { Service = mcr, LineType = "MCR2", Metro = loc.Metro, Price = Pricing.Mcr(loc, speed, term, tunnels) });
    }

    private static string VendorKey(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private void Mve(JsonFields f)
    {
        var name = Name(f);
        var term = Term(f);
        var loc = ActiveLocation(f);
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
            DiversityZone = zone, Term = term, Company = _s.Account, CreatedBy = SeedIds.DemoUser,
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
        _plan.Add(new PlannedService { Service = mve, LineType = "MVE", Metro = loc.Metro, Price = Pricing.Mve(loc, size.Size, term) });
    }

    // ---------------------------------------------------------------- VXC ends, VLANs

    /// <summary>An end on the account's own product: it must exist, be active and able to terminate a VXC.</summary>
    private PortLikeService OwnEnd(JsonFields f, string end, string uid)
    {
        if (!_s.Services.TryGetValue(uid, out var s))
            throw f.Fail($"{end}: product {uid} is not a service of this account");
        if (s is not PortLikeService p || s is MegadirectService)
            throw f.Fail($"{end}: {s.Kind} {uid} cannot terminate a VXC (use a Port, MCR or MVE)");
        if (!p.IsActive) throw f.Fail($"{end}: {Describe(p)} {p.Name} ({uid}) is {p.Status}");
        if (p is PortService { IsLagMember: true, LagPrimary: false })
            throw f.Fail($"{end}: {p.Name} ({uid}) is a LAG member; use the LAG's primary port");
        return p;
    }

    /// <summary>Takes a VLAN on an own product (0 picks the lowest free one); clashes with existing and same-order VLANs fail.</summary>
    private int Reserve(JsonFields f, PortLikeService p, int vlan, string field)
    {
        // MVE VLANs are scoped per vNIC; the simulator does not track those.
        if (p is MveService) return vlan;
        if (!_reserved.TryGetValue(p.Uid, out var mine)) _reserved[p.Uid] = mine = new HashSet<int>();
        var used = _s.VlansInUse(p.Uid).Select(x => x.Vlan).ToHashSet();
        used.UnionWith(mine);
        if (vlan == 0)
        {
            vlan = Enumerable.Range(2, 4092).FirstOrDefault(v => !used.Contains(v));
            if (vlan == 0) throw f.Fail($"{field}: no free VLAN left on {Describe(p)} {p.Name}");
        }
        else if (used.Contains(vlan))
            throw f.Fail($"{field} {vlan} is already in use on {Describe(p)} {p.Name} ({p.Uid})");
        mine.Add(vlan);
        return vlan;
    }

    private static int? VNicIndex(JsonFields endFields, PortLikeService p, string end)
    {
        var index = endFields.Int("vNicIndex");
        if (p is not MveService mve)
        {
            if (index is not null and not 0) throw endFields.Fail($"{end}.vNicIndex is only valid when the {end} is an MVE");
            return null;
        }
        var i = index ?? 0;
        if (i < 0 || i >= mve.Vnics.Count) throw endFields.Fail($"{end}.vNicIndex {i} is out of range (the MVE has {mve.Vnics.Count} vNICs)");
        return i;
    }

    private static void VRouterConfig(JsonFields f, JsonObject config, string path)
    {
        var c = new JsonFields(config, f.Label, path + ".");
        if (c.Str("connectType") is { } ct && !ct.Equals("VROUTER", StringComparison.OrdinalIgnoreCase))
            throw f.Fail($"{path}.connectType {ct} is not valid here (vRouter configuration expected)");
        foreach (var node in c.Arr("interfaces") ?? [])
        {
            if (node is not JsonObject io) throw f.Fail($"{path}.interfaces must hold objects");
            var i = new JsonFields(io, f.Label, path + ".interfaces.");
            var type = i.Str("interfaceType");
            if (type is not null && type is not ("subInterface" or "ipSecTunnel"))
                throw f.Fail($"{path}.interfaces.interfaceType '{type}' is invalid (subInterface or ipSecTunnel)");
            foreach (var ip in i.Arr("ipAddresses") ?? [])
                if (ip is not JsonValue v || !v.TryGetValue<string>(out var s) || !s.Contains('/'))
                    throw f.Fail($"{path}.interfaces.ipAddresses must be CIDR strings such as 10.0.0.1/30");
            if (i.Int("ipMtu") is int mtu && mtu is < 68 or > 9074) throw f.Fail($"{path}.interfaces.ipMtu {mtu} is invalid (68-9074)");
            var bfd = i.Sub("bfd");
            foreach (var key in new[] { "txInterval", "rxInterval" })
                if (bfd.Int(key) is int ms && ms is < 300 or > 30000) throw f.Fail($"{path}.interfaces.bfd.{key} {ms} is invalid (300-30000)");
            if (bfd.Int("multiplier") is int m && m is < 3 or > 20) throw f.Fail($"{path}.interfaces.bfd.multiplier {m} is invalid (3-20)");
            foreach (var bn in i.Arr("bgpConnections") ?? [])
            {
                if (bn is not JsonObject bo) throw f.Fail($"{path}.interfaces.bgpConnections must hold objects");
                var b = new JsonFields(bo, f.Label, path + ".interfaces.bgpConnections.");
                Asn(b, "peerAsn", required: true);
                if (string.IsNullOrEmpty(b.Str("localIpAddress"))) throw b.Fail($"{b.Path("localIpAddress")} is required");
                if (string.IsNullOrEmpty(b.Str("peerIpAddress"))) throw b.Fail($"{b.Path("peerIpAddress")} is required");
                if (b.Int("asPathPrependCount") is int n && n is < 0 or > 10) throw b.Fail($"{b.Path("asPathPrependCount")} {n} is invalid (0-10)");
            }
        }
    }

    // ---------------------------------------------------------------- VXCs

    private CspKey? CspKeyFor(string provider, string? key) =>
        key is null ? null : _s.CspKeys.GetValueOrDefault(provider + "/" + key);

    private void Vxc(JsonFields f, string? topUid)
    {
        var name = Name(f);
        var term = Term(f);
        var rate = f.Int("rateLimit") ?? throw f.Fail("rateLimit is required");
        if (rate <= 0) throw f.Fail($"rateLimit must be greater than 0 (got {rate})");
        var aEnd = f.Sub("aEnd");
        var bEnd = f.Sub("bEnd");

        // A-End: the item's productUid (the SDK falls back to aEnd.productUid).
        var aUid = aEnd.Str("productUid");
        if (!string.IsNullOrEmpty(topUid) && !string.IsNullOrEmpty(aUid) && !aUid.Equals(topUid, StringComparison.OrdinalIgnoreCase))
            throw f.Fail("aEnd.productUid must match the item's productUid");
        aUid = string.IsNullOrEmpty(aUid) ? topUid : aUid;
        if (string.IsNullOrEmpty(aUid)) throw f.Fail("Valid A-End is required: set the item's productUid");
        var a = OwnEnd(f, "aEnd", aUid);
        var aConfig = aEnd.Obj("partnerConfig");
        if (aConfig is not null)
        {
            if (a is not McrService) throw f.Fail("aEnd.partnerConfig is only allowed when the A-End is an MCR (vRouter configuration)");
            VRouterConfig(f, aConfig, "aEnd.partnerConfig");
        }

        // A Megaport service key decides the B-End.
        ServiceKey? key = null;
        var keyText = f.Str("serviceKey");
        if (!string.IsNullOrEmpty(keyText))
        {
            key = _s.ServiceKeys.GetValueOrDefault(keyText) ?? throw f.Fail($"serviceKey {keyText} was not found");
            if (key.Expired(_s.Now)) throw f.Fail($"serviceKey {keyText} has expired");
            if (!key.Valid(_s.Now)) throw f.Fail($"serviceKey {keyText} is not active");
        }

        var bConfig = bEnd.Obj("partnerConfig");
        var bConnect = bConfig?["connectType"] is JsonValue cv ? cv.ToString().ToUpperInvariant() : null;
        var bUid = bEnd.Str("productUid");
        if (key is not null)
        {
            if (!string.IsNullOrEmpty(bUid) && !bUid.Equals(key.ProductUid, StringComparison.OrdinalIgnoreCase))
                throw f.Fail($"bEnd.productUid does not match the port of serviceKey {keyText}");
            bUid = key.ProductUid;
        }

        if (bConnect is not null && !string.IsNullOrEmpty(bUid) && _s.PartnersByUid.TryGetValue(bUid, out var given) && given.ConnectType != bConnect)
            throw f.Fail($"bEnd.partnerConfig.connectType {bConnect} does not match the B-End port type {given.ConnectType} ({given.Title})");

        // Azure/Google/Oracle keys can pick the B-End port when none is given.
        CspKey? csp = null;
        var cspField = bConnect switch { "AZURE" => "serviceKey", "GOOGLE" => "pairingKey", "ORACLE" => "virtualCircuitId", _ => null };
        if (cspField is not null)
        {
            var cf = new JsonFields(bConfig!, f.Label, "bEnd.partnerConfig.");
            var keyValue = cf.Str(cspField);
            if (string.IsNullOrEmpty(keyValue)) throw f.Fail($"bEnd.partnerConfig.{cspField} is required for {bConnect}");
            csp = CspKeyFor(bConnect!.ToLowerInvariant(), keyValue)
                  ?? throw f.Fail($"bEnd.partnerConfig.{cspField} {keyValue} is not a known {bConnect switch { "AZURE" => "ExpressRoute service key", "GOOGLE" => "pairing key", _ => "virtual circuit id" }}");
            if (string.IsNullOrEmpty(bUid))
            {
                var free = csp.Ports.FirstOrDefault(p => CatalogueEndpoints.VxcsOnKey(_s, p.PortUid, csp.Key) == 0);
                bUid = free.PortUid ?? throw f.Fail($"{bConnect} key {keyValue} has no free port left");
            }
            else if (!csp.Ports.Any(p => p.PortUid.Equals(bUid, StringComparison.OrdinalIgnoreCase)))
                throw f.Fail($"bEnd.productUid {bUid} is not a port of {bConnect} key {keyValue}");
            if (bConnect == "AZURE" && CatalogueEndpoints.VxcsOnKey(_s, bUid, csp.Key) > 0)
                throw f.Fail($"ExpressRoute service key {keyValue} already has a connection on port {bUid}");
        }
        if (string.IsNullOrEmpty(bUid)) throw f.Fail("Valid B-End is required");

        PortLikeService? bOwn = null;
        PartnerPort? partner = null;
        if (_s.Services.ContainsKey(bUid)) bOwn = OwnEnd(f, "bEnd", bUid);
        else if (_s.PartnersByUid.TryGetValue(bUid, out partner))
        {
            if (!partner.VxcPermitted) throw f.Fail($"bEnd: {partner.Title} ({bUid}) does not accept new VXCs (vxcPermitted=false)");
        }
        else throw f.Fail($"Valid B-End is required: product {bUid} was not found");
        if (bOwn is not null && ReferenceEquals(bOwn, a) && a is not PortService)
            throw f.Fail("aEnd and bEnd must be different products");

        if (partner is not null) PartnerConfig(f, partner, bConfig, bConnect, a);
        else if (bConfig is not null)
        {
            if (bOwn is not McrService) throw f.Fail("bEnd.partnerConfig is only allowed for cloud partner ports or an MCR B-End");
            VRouterConfig(f, bConfig, "bEnd.partnerConfig");
        }

        // VLANs and vNICs.
        var aVlan = Reserve(f, a, Vlan(aEnd, "vlan"), "aEnd.vlan");
        var aInner = InnerVlan(aEnd, "innerVlan");
        var aNic = VNicIndex(aEnd, a, "aEnd");
        var bVlan = Vlan(bEnd, "vlan");
        if (key is { SingleUse: true, Vlan: int keyVlan }) bVlan = keyVlan; // a single-use key fixes the VLAN
        if (bOwn is not null) bVlan = Reserve(f, bOwn, bVlan, "bEnd.vlan");
        var bInner = InnerVlan(bEnd, "innerVlan");
        var bNic = bOwn is null ? null : VNicIndex(bEnd, bOwn, "bEnd");

        // Speeds.
        var aCap = _s.CapacityOf(a);
        if (rate > aCap) throw f.Fail($"rateLimit {rate} exceeds the A-End {Describe(a)} speed {aCap}");
        if (bOwn is not null && rate > _s.CapacityOf(bOwn))
            throw f.Fail($"rateLimit {rate} exceeds the B-End {Describe(bOwn)} speed {_s.CapacityOf(bOwn)}");
        if (partner is not null && rate > partner.MaxVxcSpeed)
            throw f.Fail($"rateLimit {rate} exceeds the B-End maximum VXC speed {partner.MaxVxcSpeed} of {partner.Title}");
        if (key is not null && rate > key.MaxSpeed) throw f.Fail($"rateLimit {rate} exceeds the service key's maximum speed {key.MaxSpeed}");
        if (csp is not null && rate > csp.Bandwidth) throw f.Fail($"rateLimit {rate} exceeds the {bConnect} circuit bandwidth {csp.Bandwidth}");

        // Another company's consent: a non-pre-approved service key, or a marketplace (DEFAULT) port.
        string? approval = null;
        if (key is not null && !key.PreApproved) approval = $"Awaiting approval from {key.Company.Name} for service key {key.Key}";
        else if (key is null && partner is { NeedsApproval: true }) approval = $"Awaiting approval from {partner.Company.Name}";

        var aLoc = _s.LocationsById[a.LocationId];
        var bLoc = _s.LocationsById[partner?.LocationId ?? bOwn!.LocationId];
        var vxc = new VxcService
        {
            Uid = Guid.NewGuid().ToString(), Name = name, Company = _s.Account, CreatedBy = SeedIds.DemoUser, Term = term,
            RateLimit = rate, Shutdown = f.Bool("shutdown") ?? false, DistanceBand = Pricing.DistanceBand(aLoc, bLoc),
            A = new VxcEnd { ProductUid = a.Uid, Vlan = aVlan, InnerVlan = aInner, VNicIndex = aNic },
            B = new VxcEnd { ProductUid = partner?.ProductUid ?? bOwn!.Uid, Vlan = bVlan, InnerVlan = bInner, VNicIndex = bNic },
            BPartnerConfig = bConfig?.DeepClone().AsObject(), APartnerConfig = aConfig?.DeepClone().AsObject(),
            ServiceKey = key?.Key, CostCentre = CostCentre(f), Tags = Tags(f), PromoCode = f.Str("promoCode"),
            CloudResourceId = partner?.ConnectType switch
            {
                "AWS" => "dxvif-" + Guid.NewGuid().ToString("N")[..8],
                "AWSHC" => "dxcon-" + Guid.NewGuid().ToString("N")[..8],
                _ => "",
            },
        };
        _plan.Add(new PlannedService
        {
            Service = vxc, LineType = "VXC", Metro = aLoc.Metro, Price = Pricing.Vxc(aLoc, bLoc, rate, term),
            LineProductUid = a.Uid, ApprovalMessage = approval, Key = key,
        });
    }

    /// <summary>The B-End partner configuration must fit the partner port's type (research §3.5).</summary>
    private static void PartnerConfig(JsonFields f, PartnerPort partner, JsonObject? config, string? connect, PortLikeService aEnd)
    {
        var type = partner.ConnectType;
        if (type == "DEFAULT")
        {
            if (config is not null) throw f.Fail($"bEnd.partnerConfig is not used for {partner.Title}: remove it");
            return;
        }
        if (config is null)
        {
            if (type == "TRANSIT") return;
            throw f.Fail($"bEnd.partnerConfig with connectType {type} is required for {partner.Title}");
        }
        if (connect is null) throw f.Fail("bEnd.partnerConfig.connectType is required");
        if (connect != type)
            throw f.Fail($"bEnd.partnerConfig.connectType {connect} does not match the B-End port type {type} ({partner.Title})");
        var c = new JsonFields(config, f.Label, "bEnd.partnerConfig.");
        switch (type)
        {
            case "AWS":
            case "AWSHC":
                var account = c.Str("ownerAccount");
                if (string.IsNullOrEmpty(account)) throw c.Fail("bEnd.partnerConfig.ownerAccount is required (the 12-digit AWS account id)");
                if (!AwsAccount().IsMatch(account))
                    throw c.Fail($"bEnd.partnerConfig.ownerAccount must be a 12-digit AWS account id (got '{account}')");
                if (c.Str("name") is { Length: > 255 }) throw c.Fail("bEnd.partnerConfig.name must be at most 255 characters");
                if (type == "AWS")
                {
                    Asn(c, "asn", required: true);
                    Asn(c, "amazonAsn", required: false);
                    var vifType = c.Str("type") ?? "private";
                    if (vifType.ToLowerInvariant() is not ("private" or "public" or "transit"))
                        throw c.Fail($"bEnd.partnerConfig.type '{vifType}' is invalid: use private, public or transit");
                }
                break;
            case "AZURE":
                foreach (var node in c.Arr("peers") ?? [])
                {
                    if (node is not JsonObject po) throw c.Fail("bEnd.partnerConfig.peers must hold objects");
                    var p = new JsonFields(po, f.Label, "bEnd.partnerConfig.peers.");
                    var peerType = p.Str("type");
                    if (peerType?.ToLowerInvariant() is not ("private" or "microsoft"))
                        throw p.Fail($"bEnd.partnerConfig.peers.type '{peerType}' is invalid: use private or microsoft");
                    if (p.Has("vlan")) CheckVlan(p, "bEnd.partnerConfig.peers.vlan", p.Int("vlan")!.Value);
                }
                break;
            case "IBM":
                var id = c.Str("account_id");
                if (string.IsNullOrEmpty(id) || !IbmAccount().IsMatch(id))
                    throw c.Fail($"bEnd.partnerConfig.account_id must be 32 hexadecimal characters (got '{id}')");
                var asn = c.Long("customer_asn");
                if (asn is null or 0)
                {
                    if (aEnd is not McrService) throw c.Fail("bEnd.partnerConfig.customer_asn is required unless the A-End is an MCR");
                }
                else if (!IbmAsnInRange(asn.Value))
                    throw c.Fail($"bEnd.partnerConfig.customer_asn {asn} is outside the ranges IBM accepts (1-64495, 64999, 131072-4199999999, 4201000000-4201064511)");
                if (c.Str("name") is { } ibmName && !IbmName().IsMatch(ibmName))
                    throw c.Fail("bEnd.partnerConfig.name must be 1-100 characters from 0-9 a-z A-Z / - _ ,");
                break;
        }
    }

    // ---------------------------------------------------------------- IX

    private void Ix(JsonFields f, string? portUid)
    {
        var name = Name(f);
        if (string.IsNullOrEmpty(portUid)) throw f.Fail("productUid (the port to attach the IX to) is required");
        if (!_s.Services.TryGetValue(portUid, out var s)) throw f.Fail($"productUid {portUid} is not a service of this account");
        if (s is not PortService port) throw f.Fail($"productUid {portUid}: an IX must be attached to a Port (found {s.Kind})");
        if (!port.IsActive) throw f.Fail($"port {port.Name} ({port.Uid}) is {port.Status}");
        if (port is { IsLagMember: true, LagPrimary: false }) throw f.Fail($"port {port.Name} ({port.Uid}) is a LAG member; use the LAG's primary port");
        var loc = _s.LocationsById[port.LocationId];

        var type = f.Str("networkServiceType");
        if (string.IsNullOrWhiteSpace(type)) throw f.Fail("networkServiceType is required (see GET /v2/ixp)");
        var ixp = Catalogue.Ixps.FirstOrDefault(x => x.Name.Equals(type, StringComparison.OrdinalIgnoreCase))
                  ?? throw f.Fail($"networkServiceType '{type}' is not a known exchange (see GET /v2/ixp)");
        if (ixp.Metro != loc.Metro)
        {
            var here = Catalogue.Ixps.Where(x => x.Metro == loc.Metro).Select(x => x.Name).ToList();
            throw f.Fail($"networkServiceType '{ixp.Name}' is not available in {loc.Metro} (available: {(here.Count == 0 ? "none" : string.Join(", ", here))})");
        }
        var asn = Asn(f, "asn", required: true);
        var mac = f.Str("macAddress");
        if (string.IsNullOrEmpty(mac) || !MacAddress().IsMatch(mac)) throw f.Fail($"macAddress must look like 00:11:22:33:44:55 (got '{mac}')");
        var rate = f.Int("rateLimit") ?? throw f.Fail("rateLimit is required");
        if (rate <= 0) throw f.Fail($"rateLimit must be greater than 0 (got {rate})");
        var cap = _s.CapacityOf(port);
        if (rate > cap) throw f.Fail($"rateLimit {rate} exceeds the port speed {cap}");
        var vlan = Reserve(f, port, Vlan(f, "vlan"), "vlan");
        var term = Term(f, defaultTerm: 1);
        var host = _s.NextProductId % 400 + 20;
        var v4 = ixp.Ipv4Network.Split('/');
        var v4Parts = v4[0].Split('.');
        var ix = new IxService
        {
            Uid = Guid.NewGuid().ToString(), Name = name, PortUid = port.Uid, NetworkServiceType = ixp.Name, Asn = asn,
            MacAddress = mac.ToLowerInvariant(), RateLimit = rate, Vlan = vlan, Shutdown = f.Bool("shutdown") ?? false,
            Company = _s.Account, CreatedBy = SeedIds.DemoUser, Term = term, PromoCode = f.Str("promoCode"),
            Ipv4Address = $"{v4Parts[0]}.{v4Parts[1]}.{v4Parts[2]}.{host % 250 + 2}/{v4[1]}",
            Ipv6Address = $"{ixp.Ipv6Network.Split("::")[0]}::{host:x}/64",
            ReverseDns = $"as{asn}.{loc.Metro.ToLowerInvariant().Replace(' ', '-')}.megaport.com.",
        };
        _plan.Add(new PlannedService
        {
            Service = ix, LineType = "IX", Metro = loc.Metro, Price = Pricing.Ix(loc, rate), LineProductUid = port.Uid,
        });
    }
}
