using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>
/// Ordering VXCs: <c>{"productUid": A-End, "associatedVxcs": [...]}</c>. The B-End is an own product, a partner
/// port, the port of a cloud key, or the port of a Megaport service key; speeds and VLANs are checked on both ends.
/// </summary>
public static class VxcOrder
{
    /// <summary>One end of an order (<c>diversityZone</c> is sent by clients and not used).</summary>
    private static readonly ObjectShape End = Shape.Fields("productUid", "vlan", "diversityZone", "innerVlan", "vNicIndex")
        .With("partnerConfig", VxcPartnerRules.ConfigShape);

    /// <summary>One entry of <c>associatedVxcs</c>.</summary>
    public static readonly ObjectShape Fields = Shape.Fields("productName", "serviceKey", "promoCode", "rateLimit", "term", "shutdown", "costCentre")
        .With("aEnd", End).With("bEnd", End).With("resourceTags", TagList);

    public static void Plan(OrderPlan plan, JsonFields f, string? topUid)
    {
        var state = plan.State;
        var name = Name(f);
        var term = Term(f);
        var rate = f.Int("rateLimit") ?? throw f.Fail("rateLimit is required");
        if (rate <= 0) throw f.Fail($"rateLimit must be greater than 0 (got {rate})");
        var aEnd = f.Sub("aEnd");
        var bEnd = f.Sub("bEnd");

        // A-End: the item's productUid, or aEnd.productUid when the item has none.
        var aUid = aEnd.Str("productUid");
        if (!string.IsNullOrEmpty(topUid) && !string.IsNullOrEmpty(aUid) && !aUid.Equals(topUid, StringComparison.OrdinalIgnoreCase))
            throw f.Fail("aEnd.productUid must match the item's productUid");
        aUid = string.IsNullOrEmpty(aUid) ? topUid : aUid;
        if (string.IsNullOrEmpty(aUid)) throw f.Fail("Valid A-End is required: set the item's productUid");
        var a = OwnEnd(state, f, "aEnd", aUid);
        var aConfig = aEnd.Obj("partnerConfig");
        if (aConfig is not null && a is not IVirtualRouter)
            throw f.Fail("aEnd.partnerConfig is only allowed when the A-End is an MCR or a NAT gateway (vRouter configuration)");

        // A Megaport service key decides the B-End.
        ServiceKey? key = null;
        var keyText = f.Str("serviceKey");
        if (!string.IsNullOrEmpty(keyText))
        {
            key = state.ServiceKeys.GetValueOrDefault(keyText) ?? throw f.Fail($"serviceKey {keyText} was not found");
            if (key.Expired(state.Now)) throw f.Fail($"serviceKey {keyText} has expired");
            if (!key.Valid(state.Now)) throw f.Fail($"serviceKey {keyText} is not active");
        }

        var bConfig = bEnd.Obj("partnerConfig");
        var bConnect = VxcPartnerRules.ConnectType(bConfig);
        var bUid = bEnd.Str("productUid");
        if (key is not null)
        {
            if (!string.IsNullOrEmpty(bUid) && !bUid.Equals(key.ProductUid, StringComparison.OrdinalIgnoreCase))
                throw f.Fail($"bEnd.productUid does not match the port of serviceKey {keyText}");
            bUid = key.ProductUid;
        }

        if (bConnect is not null && !string.IsNullOrEmpty(bUid) && state.PartnersByUid.TryGetValue(bUid, out var given) && given.ConnectType != bConnect)
            throw f.Fail($"bEnd.partnerConfig.connectType {bConnect} does not match the B-End port type {given.ConnectType} ({given.Title})");

        // Azure/Google/Oracle keys can pick the B-End port when none is given.
        CspKey? csp = null;
        var cspField = bConnect switch { "AZURE" => "serviceKey", "GOOGLE" => "pairingKey", "ORACLE" => "virtualCircuitId", _ => null };
        if (cspField is not null)
        {
            var cf = new JsonFields(bConfig!, f.Label, "bEnd.partnerConfig.");
            var keyValue = cf.Str(cspField);
            if (string.IsNullOrEmpty(keyValue)) throw f.Fail($"bEnd.partnerConfig.{cspField} is required for {bConnect}");
            csp = state.CspKeys.GetValueOrDefault(bConnect!.ToLowerInvariant() + "/" + keyValue)
                  ?? throw f.Fail($"bEnd.partnerConfig.{cspField} {keyValue} is not a known {bConnect switch { "AZURE" => "ExpressRoute service key", "GOOGLE" => "pairing key", _ => "virtual circuit id" }}");
            if (string.IsNullOrEmpty(bUid))
            {
                var free = csp.Ports.FirstOrDefault(p => CountOnKey(state, p.PortUid, csp.Key) == 0);
                bUid = free.PortUid ?? throw f.Fail($"{bConnect} key {keyValue} has no free port left");
            }
            else if (!csp.Ports.Any(p => p.PortUid.Equals(bUid, StringComparison.OrdinalIgnoreCase)))
                throw f.Fail($"bEnd.productUid {bUid} is not a port of {bConnect} key {keyValue}");
            if (bConnect == "AZURE" && CountOnKey(state, bUid, csp.Key) > 0)
                throw f.Fail($"ExpressRoute service key {keyValue} already has a connection on port {bUid}");
        }
        if (string.IsNullOrEmpty(bUid)) throw f.Fail("Valid B-End is required");

        PortLikeService? bOwn = null;
        PartnerPort? partner = null;
        if (state.Services.ContainsKey(bUid)) bOwn = OwnEnd(state, f, "bEnd", bUid);
        else if (state.PartnersByUid.TryGetValue(bUid, out partner))
        {
            if (!partner.VxcPermitted) throw f.Fail($"bEnd: {partner.Title} ({bUid}) does not accept new VXCs (vxcPermitted=false)");
        }
        else throw f.Fail($"Valid B-End is required: product {bUid} was not found");
        if (bOwn is not null && ReferenceEquals(bOwn, a) && !a.VxcMayLoop)
            throw f.Fail("aEnd and bEnd must be different products");

        if (partner is not null) VxcPartnerRules.PartnerConfig(f, partner, bConfig, bConnect, a);
        else if (bConfig is not null)
        {
            if (bOwn is not IVirtualRouter bRouter) throw f.Fail("bEnd.partnerConfig is only allowed for cloud partner ports or an MCR or NAT gateway B-End");
            VxcVRouterRules.Check(f, bConfig, "bEnd.partnerConfig", VRouterEnd.BEnd(state, bRouter));
        }
        // The A-End's vRouter config is checked once the B-End is known: IPsec tunnels need a Megaport Internet B-End.
        if (aConfig is not null)
            VxcVRouterRules.Check(f, aConfig, "aEnd.partnerConfig",
                VRouterEnd.AEnd(state, (IVirtualRouter)a, partner, partner?.Title ?? bOwn!.Name, planned: plan.Planned));

        // VLANs and vNICs.
        var aVlan = plan.Reserve(f, a, Vlan(aEnd, "vlan"), "aEnd.vlan");
        var aInner = InnerVlan(aEnd, "innerVlan");
        var aNic = VnicIndex(aEnd, a, "aEnd");
        var bVlan = Vlan(bEnd, "vlan");
        if (key is { SingleUse: true, Vlan: int keyVlan }) bVlan = keyVlan; // a single-use key fixes the VLAN
        if (bOwn is not null) bVlan = plan.Reserve(f, bOwn, bVlan, "bEnd.vlan");
        var bInner = InnerVlan(bEnd, "innerVlan");
        var bNic = bOwn is null ? null : VnicIndex(bEnd, bOwn, "bEnd");

        // Speeds.
        var aCap = a.VxcCapacity(state);
        if (rate > aCap) throw f.Fail($"rateLimit {rate} exceeds the A-End {a.Descriptor.EndWord} speed {aCap}");
        if (bOwn is not null && rate > bOwn.VxcCapacity(state))
            throw f.Fail($"rateLimit {rate} exceeds the B-End {bOwn.Descriptor.EndWord} speed {bOwn.VxcCapacity(state)}");
        if (partner is not null && rate > partner.MaxVxcSpeed)
            throw f.Fail($"rateLimit {rate} exceeds the B-End maximum VXC speed {partner.MaxVxcSpeed} of {partner.Title}");
        if (key is not null && rate > key.MaxSpeed) throw f.Fail($"rateLimit {rate} exceeds the service key's maximum speed {key.MaxSpeed}");
        if (csp is not null && rate > csp.Bandwidth) throw f.Fail($"rateLimit {rate} exceeds the {bConnect} circuit bandwidth {csp.Bandwidth}");

        // Another company's consent: a non-pre-approved service key, or a marketplace (DEFAULT) port.
        string? approval = null;
        if (key is not null && !key.PreApproved) approval = $"Awaiting approval from {key.Company.Name} for service key {key.Key}";
        else if (key is null && partner is { NeedsApproval: true }) approval = $"Awaiting approval from {partner.Company.Name}";

        var aLoc = state.LocationsById[a.LocationId];
        var bLoc = state.LocationsById[partner?.LocationId ?? bOwn!.LocationId];
        var vxc = new VxcService
        {
            Uid = Guid.NewGuid().ToString(), Name = name, Company = state.Account, CreatedBy = SeedIds.DemoUser, Term = term,
            RateLimit = rate, Shutdown = f.Bool("shutdown") ?? false, DistanceBand = DistanceBand(aLoc, bLoc),
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
        plan.Add(new PlannedService
        {
            Service = vxc, Metro = aLoc.Metro, Price = PriceFor(aLoc, bLoc, rate, term), LineProductUid = a.Uid,
            Committed = (s, now) =>
            {
                if (approval is not null) VxcApprovals.Hold(s, vxc, approval);
                if (key is null) return;
                key.LastUsed = now;
                if (key.SingleUse) key.Active = false;
            },
        });
    }

    /// <summary>An end on the account's own product: it must exist, be active and able to terminate a VXC.</summary>
    private static PortLikeService OwnEnd(SimulatorState state, JsonFields f, string end, string uid)
    {
        if (!state.Services.TryGetValue(uid, out var s))
            throw f.Fail($"{end}: product {uid} is not a service of this account");
        if (s is not PortLikeService { TerminatesVxcs: true } p)
            throw f.Fail($"{end}: {s.Kind} {uid} cannot terminate a VXC (use a Port, MCR or MVE)");
        if (!p.IsActive) throw f.Fail($"{end}: {p.Descriptor.EndWord} {p.Name} ({uid}) is {p.Status}");
        if (p is PortService { IsLagSecondary: true })
            throw f.Fail($"{end}: {p.Name} ({uid}) is a LAG member; use the LAG's primary port");
        return p;
    }

    private static int? VnicIndex(JsonFields endFields, PortLikeService p, string end)
    {
        var index = endFields.Int("vNicIndex");
        if (p.VnicCount is not int count)
        {
            if (index is not null and not 0) throw endFields.Fail($"{end}.vNicIndex is only valid when the {end} is an MVE");
            return null;
        }
        var i = index ?? 0;
        if (i < 0 || i >= count) throw endFields.Fail($"{end}.vNicIndex {i} is out of range (the {p.Descriptor.EndWord} has {count} vNICs)");
        return i;
    }

    /// <summary>How many of the account's active VXCs already use this cloud key on this port.</summary>
    public static int CountOnKey(SimulatorState state, string portUid, string key) =>
        state.AttachedTo(portUid).OfType<VxcService>().Count(v => v.IsActive && v.BPartnerConfig is { } c &&
            new[] { "serviceKey", "pairingKey", "virtualCircuitId" }.Any(k => c[k] is JsonValue jv && jv.TryGetValue<string>(out var s) && s == key));

    /// <summary>METRO (same metro), ZONE (same market), INTERCAP (long haul between markets).</summary>
    public static string DistanceBand(Location a, Location b) =>
        a.Metro == b.Metro ? "METRO" : a.Market == b.Market ? "ZONE" : "INTERCAP";

    /// <summary>Per Mbps by distance band (at least 10 USD a month); long haul also shows as longHaulMbpsRate. Validate and the pricebook both quote it.</summary>
    public static Price PriceFor(Location a, Location b, int rateLimit, int term)
    {
        var band = DistanceBand(a, b);
        var currency = Pricing.CurrencyFor(a.Market);
        var perMbpsUsd = band switch { "METRO" => 0.05m, "ZONE" => 0.12m, _ => 0.35m };
        var mbps = Pricing.FromUsd(perMbpsUsd, currency);
        var rack = Math.Max(Pricing.FromUsd(10, currency), Math.Round(mbps * rateLimit, 2));
        return new Price("VXC", currency, rack, Pricing.Discounted(rack, term, currency), mbps, band == "INTERCAP" ? mbps : 0);
    }
}
