using System.Text.RegularExpressions;
using Megaport.Simulator.Seed;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>Ordering IXs: <c>{"productUid": port, "associatedIxs": [...]}</c>, an exchange of the port's metro.</summary>
public static partial class IxOrder
{
    [GeneratedRegex("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$")] public static partial Regex MacAddress();

    /// <summary>One entry of <c>associatedIxs</c>.</summary>
    public static readonly ObjectShape Fields = Shape.Fields(
        "productName", "networkServiceType", "asn", "macAddress", "rateLimit", "vlan", "term", "shutdown", "promoCode");

    public static void Plan(OrderPlan plan, JsonFields f, string? portUid)
    {
        var state = plan.State;
        var name = Name(f);
        if (string.IsNullOrEmpty(portUid)) throw f.Fail("productUid (the port to attach the IX to) is required");
        if (!state.Services.TryGetValue(portUid, out var s)) throw f.Fail($"productUid {portUid} is not a service of this account");
        if (s is not PortService port) throw f.Fail($"productUid {portUid}: an IX must be attached to a Port (found {s.Kind})");
        if (!port.IsActive) throw f.Fail($"port {port.Name} ({port.Uid}) is {port.Status}");
        if (port.IsLagSecondary) throw f.Fail($"port {port.Name} ({port.Uid}) is a LAG member; use the LAG's primary port");
        var loc = state.LocationsById[port.LocationId];

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
        var cap = port.VxcCapacity(state);
        if (rate > cap) throw f.Fail($"rateLimit {rate} exceeds the port speed {cap}");
        var vlan = plan.Reserve(f, port, Vlan(f, "vlan"), "vlan");
        var term = Term(f, defaultTerm: 1);
        var host = state.NextProductId % 400 + 20;
        var v4 = ixp.Ipv4Network.Split('/');
        var v4Parts = v4[0].Split('.');
        var ix = new IxService
        {
            Uid = Guid.NewGuid().ToString(), Name = name, PortUid = port.Uid, NetworkServiceType = ixp.Name, Asn = asn,
            MacAddress = mac.ToLowerInvariant(), RateLimit = rate, Vlan = vlan, Shutdown = f.Bool("shutdown") ?? false,
            Company = state.Account, CreatedBy = SeedIds.DemoUser, Term = term, PromoCode = f.Str("promoCode"),
            Ipv4Address = $"{v4Parts[0]}.{v4Parts[1]}.{v4Parts[2]}.{host % 250 + 2}/{v4[1]}",
            Ipv6Address = $"{ixp.Ipv6Network.Split("::")[0]}::{host:x}/64",
            ReverseDns = $"as{asn}.{loc.Metro.ToLowerInvariant().Replace(' ', '-')}.megaport.com.",
        };
        plan.Add(new PlannedService { Service = ix, Metro = loc.Metro, Price = PriceFor(loc, rate), LineProductUid = port.Uid });
    }

    /// <summary>100 USD a month plus 0.12 USD per Mbps; IX terms carry no discount. Validate and the pricebook both quote it.</summary>
    public static Price PriceFor(State.Location loc, int rate) =>
        Pricing.Fixed("IX", loc, 100 + rate * 0.12m, 1) with { MbpsRate = Pricing.FromUsd(0.12m, Pricing.CurrencyFor(loc.Market)) };
}
