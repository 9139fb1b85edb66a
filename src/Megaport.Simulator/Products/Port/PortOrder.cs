using Megaport.Simulator.Seed;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Products.PortLikeRules;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>Ordering ports: <c>productType</c> MEGAPORT; <c>lagPortCount</c> ≥ 1 orders a LAG (one service per member).</summary>
public static class PortOrder
{
    public static readonly int[] LagSpeeds = [10000, 100000, 400000];

    /// <summary>An order item (<c>createDate</c>, <c>virtual</c> and <c>market</c> are sent by clients and not used).</summary>
    public static readonly ObjectShape Fields = Shape.Fields(
            "productName", "term", "productType", "portSpeed", "locationId", "createDate", "virtual", "market",
            "marketplaceVisibility", "lagPortCount", "costCentre", "promoCode")
        .With("config", ZoneConfig).With("resourceTags", TagList);

    private static readonly Dictionary<int, decimal> RackUsd = new() { [1000] = 550, [10000] = 1100, [100000] = 3900, [400000] = 9900 };

    /// <summary>One port's price (validate and the pricebook both quote it).</summary>
    public static Price PriceFor(State.Location loc, int speed, int term) =>
        Pricing.Fixed("MEGAPORT", loc, RackUsd.GetValueOrDefault(speed, speed / 10m), term);

    public static void Plan(OrderPlan plan, JsonFields f, string? _)
    {
        var name = Name(f);
        var term = Term(f);
        var loc = ActiveLocation(plan, f);
        var speed = f.Int("portSpeed") ?? throw f.Fail("portSpeed is required");
        var zone = RequestedZone(f, loc);
        var lagCount = f.Int("lagPortCount") ?? 0;
        if (lagCount != 0)
        {
            if (lagCount is < 1 or > 8) throw f.Fail($"lagPortCount {lagCount} is invalid: a LAG has 1-8 ports");
            if (!LagSpeeds.Contains(speed)) throw f.Fail($"portSpeed {speed} is not available for a LAG: use 10000, 100000 or 400000");
        }
        zone = PickZone(f, loc, zone, speed, z => z.PortSpeeds, "portSpeed");
        int? lagId = null; // the first member's product id, once bought, is every member's lagId/aggregationId
        for (var i = 0; i < Math.Max(lagCount, 1); i++)
        {
            var port = NewPortLike(new PortService
            {
                Uid = Guid.NewGuid().ToString(), Name = name, LocationId = loc.Id, Market = loc.Market, Speed = speed,
                DiversityZone = zone, Term = term, Company = plan.State.Account, CreatedBy = SeedIds.DemoUser,
                LagPrimary = lagCount > 0 && i == 0, MarketplaceVisibility = f.Bool("marketplaceVisibility") ?? false,
            }, f);
            plan.Add(new PlannedService
            {
                Service = port, Metro = loc.Metro,
                Price = PriceFor(loc, speed, term),
                Committed = lagCount == 0 ? null : (_, _) =>
                {
                    lagId ??= port.ProductId;
                    port.AggregationId = port.LagId = lagId.Value;
                },
            });
        }
    }
}
