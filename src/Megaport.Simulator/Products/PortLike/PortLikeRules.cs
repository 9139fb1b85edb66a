using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>Order and update rules shared by port-like products: location, zone and speed, and the common fields.</summary>
public static class PortLikeRules
{
    /// <summary>The PUT fields every port-like product takes.</summary>
    public static readonly ObjectShape UpdateFields = Shape.Fields("name", "costCentre", "marketplaceVisibility", "term");

    public static Location ActiveLocation(OrderPlan plan, JsonFields f) => ActiveLocation(plan.State, f);

    public static Location ActiveLocation(SimulatorState state, JsonFields f)
    {
        var id = f.Int("locationId") ?? throw f.Fail("locationId is required");
        if (!state.LocationsById.TryGetValue(id, out var loc)) throw f.Fail($"locationId {id} was not found");
        if (!loc.IsActive) throw f.Fail($"location {id} ({loc.Name}) is not active (status {loc.Status})");
        return loc;
    }

    public static string? RequestedZone(JsonFields f, Location loc)
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
    public static string PickZone(JsonFields f, Location loc, string? zone, int speed, Func<Zone, int[]> speeds, string field)
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

    /// <summary>The order fields every new port-like product takes (read after its own fields, as the API reports them).</summary>
    public static T NewPortLike<T>(T s, JsonFields f) where T : PortLikeService
    {
        s.CostCentre = CostCentre(f);
        s.Tags = Tags(f);
        s.PromoCode = f.Str("promoCode");
        return s;
    }

    /// <summary>The PUT fields every port-like product takes: name, costCentre, marketplaceVisibility, term (0 = keep).</summary>
    public static void Update(PortLikeService p, JsonFields f)
    {
        if (f.Has("name")) p.Name = Name(f, "name");
        if (f.Has("costCentre")) p.CostCentre = CostCentre(f);
        if (f.Bool("marketplaceVisibility") is bool mv) p.MarketplaceVisibility = mv;
        if (f.Int("term") is int term and not 0)
        {
            CheckTerm(f, term);
            p.Term = term;
        }
    }
}
