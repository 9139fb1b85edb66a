using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Products.PortLikeRules;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>Ordering MCRs: <c>productType</c> MCR2, a speed the location's zone offers, ASN, IPsec add-ons.</summary>
public static class McrOrder
{
    public static readonly int[] Speeds = [1000, 2500, 5000, 10000, 25000, 50000, 100000];
    public static readonly int[] IpsecTunnelCounts = [10, 20, 30];

    public static readonly ObjectShape Fields = Shape.Fields(
            "locationId", "productName", "term", "productType", "portSpeed", "costCentre", "promoCode", "marketplaceVisibility")
        .With("config", Shape.Fields("mcrAsn", "diversityZone"))
        .With("addOns", Shape.ListOf(Shape.Fields("productUid", "addOnUid", "addOnType", "tunnelCount", "packCount")))
        .With("resourceTags", TagList);

    private static readonly Dictionary<int, decimal> RackUsd = new()
    {
        [1000] = 300, [2500] = 450, [5000] = 600, [10000] = 800, [25000] = 1500, [50000] = 2500, [100000] = 4500,
    };

    /// <summary>One MCR's price (validate and the pricebook both quote it); each IPsec tunnel adds 10 USD.</summary>
    public static Price PriceFor(State.Location loc, int speed, int tunnels, int term) =>
        Pricing.Fixed("MCR2", loc, RackUsd.GetValueOrDefault(speed, speed / 20m) + tunnels * 10m, term);

    public static void Plan(OrderPlan plan, JsonFields f, string? _)
    {
        var name = Name(f);
        var term = Term(f);
        var loc = ActiveLocation(plan, f);
        var speed = f.Int("portSpeed") ?? throw f.Fail("portSpeed is required");
        if (!Speeds.Contains(speed))
            throw f.Fail($"portSpeed {speed} is not a valid MCR speed (1000, 2500, 5000, 10000, 25000, 50000, 100000)");
        var zone = PickZone(f, loc, RequestedZone(f, loc), speed, z => z.McrSpeeds, "portSpeed");
        var asn = Asn(f.Sub("config"), "mcrAsn", required: false);
        var mcr = NewPortLike(new McrService
        {
            Uid = Guid.NewGuid().ToString(), Name = name, LocationId = loc.Id, Market = loc.Market, Speed = speed,
            DiversityZone = zone, Term = term, Company = plan.State.Account, CreatedBy = SeedIds.DemoUser,
            Asn = asn == 0 ? McrService.DefaultAsn : asn, UsageAlgorithm = "POST_PAID_HOURLY_SPEED_MCR2",
            MarketplaceVisibility = f.Bool("marketplaceVisibility") ?? false,
        }, f);
        var tunnels = 0;
        foreach (var node in f.Arr("addOns") ?? [])
        {
            if (node is not JsonObject ao) throw f.Fail("addOns must hold objects");
            var a = new JsonFields(ao, f.Label, "addOns.");
            var type = a.Str("addOnType");
            if (!string.Equals(type, "IP_SEC", StringComparison.OrdinalIgnoreCase))
                throw f.Fail($"addOns.addOnType '{type}' is not supported (IP_SEC)");
            if (mcr.AddOns.Count > 0) throw f.Fail("addOns: an MCR has at most one IP_SEC add-on");
            var count = a.Int("tunnelCount") ?? 10;
            if (!IpsecTunnelCounts.Contains(count)) throw f.Fail($"addOns.tunnelCount {count} is invalid: use 10, 20 or 30");
            var packs = a.Int("packCount") ?? 1;
            if (packs < 1) throw f.Fail("addOns.packCount must be at least 1");
            mcr.AddOns.Add(new McrAddOn(Guid.NewGuid().ToString(), McrAddOn.Ipsec, count, packs));
            tunnels += count * packs;
        }
        plan.Add(new PlannedService { Service = mcr, Metro = loc.Metro, Price = PriceFor(loc, speed, tunnels, term) });
    }
}
