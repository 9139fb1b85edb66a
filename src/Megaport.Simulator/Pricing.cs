using System.Text.Json;
using Megaport.Simulator.State;

namespace Megaport.Simulator;

/// <summary>One priced line item, written as the validate response's <c>price</c> object.</summary>
public sealed record Price(string ProductType, string Currency, decimal MonthlyRackRate, decimal MonthlyRate, decimal MbpsRate, decimal LongHaulMbpsRate)
{
    public decimal HourlyRate => Math.Round(MonthlyRate * 12 / 8760, 4);
    public decimal DailyRate => Math.Round(MonthlyRate * 12 / 365, 2);

    // 1650.0m prints as 1650.0; dividing by 1.000… drops the trailing zeros.
    private static decimal N(decimal d) => d / 1.000000000000000000000000000000000m;

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("hourlySetup", 0);
        w.WriteNumber("dailySetup", 0);
        w.WriteNumber("monthlySetup", 0);
        w.WriteNumber("hourlyRate", N(HourlyRate));
        w.WriteNumber("dailyRate", N(DailyRate));
        w.WriteNumber("monthlyRate", N(MonthlyRate));
        w.WriteNumber("fixedRecurringCharge", 0);
        w.WriteNumber("longHaulMbpsRate", N(LongHaulMbpsRate));
        w.WriteNumber("mbpsRate", N(MbpsRate));
        w.WriteString("currency", Currency);
        w.WriteString("productType", ProductType);
        w.WriteNumber("monthlyRackRate", N(MonthlyRackRate));
        w.WriteEndObject();
    }
}

/// <summary>
/// A deterministic, made-up price book (not Megaport's real prices): a USD rack rate per product and speed,
/// converted to the market's billing currency, minus a discount for longer terms. VXCs are priced per Mbps
/// by distance band (same metro, same market, long haul).
/// </summary>
public static class Pricing
{
    private static readonly Dictionary<int, decimal> PortUsd = new() { [1000] = 550, [10000] = 1100, [100000] = 3900, [400000] = 9900 };
    private static readonly Dictionary<int, decimal> McrUsd = new()
    {
        [1000] = 300, [2500] = 450, [5000] = 600, [10000] = 800, [25000] = 1500, [50000] = 2500, [100000] = 4500,
    };
    private static readonly Dictionary<string, decimal> MveUsd = new() { ["SMALL"] = 350, ["MEDIUM"] = 600, ["LARGE"] = 1100, ["X_LARGE_12"] = 1600 };

    public static string CurrencyFor(string market) => market switch
    {
        "AU" => "AUD",
        "NZ" => "NZD",
        "UK" => "GBP",
        "DE" or "NL" or "FR" or "IE" => "EUR",
        "JP" => "JPY",
        _ => "USD",
    };

    private static decimal FromUsd(decimal usd, string currency) => currency switch
    {
        "AUD" => Math.Round(usd * 1.5m, 2),
        "NZD" => Math.Round(usd * 1.65m, 2),
        "GBP" => Math.Round(usd * 0.8m, 2),
        "EUR" => Math.Round(usd * 0.92m, 2),
        "JPY" => Math.Round(usd * 150m, 0),
        _ => Math.Round(usd, 2),
    };

    /// <summary>Longer commitments are cheaper; 1 month is the rack rate.</summary>
    public static decimal TermDiscount(int term) => term switch
    {
        >= 60 => 0.25m,
        >= 48 => 0.225m,
        >= 36 => 0.20m,
        >= 24 => 0.15m,
        >= 12 => 0.10m,
        _ => 0m,
    };

    private static Price Fixed(string type, Location loc, decimal usd, int term)
    {
        var currency = CurrencyFor(loc.Market);
        var rack = FromUsd(usd, currency);
        var monthly = Math.Round(rack * (1 - TermDiscount(term)), currency == "JPY" ? 0 : 2);
        return new Price(type, currency, rack, monthly, 0, 0);
    }

    public static Price Port(Location loc, int speed, int term) =>
        Fixed("MEGAPORT", loc, PortUsd.GetValueOrDefault(speed, speed / 10m), term);

    public static Price Mcr(Location loc, int speed, int term, int ipsecTunnels) =>
        Fixed("MCR2", loc, McrUsd.GetValueOrDefault(speed, speed / 20m) + ipsecTunnels * 10m, term);

    public static Price Mve(Location loc, string size, int term) => Fixed("MVE", loc, MveUsd.GetValueOrDefault(size, 600), term);

    public static Price Ix(Location loc, int rateLimit) =>
        Fixed("IX", loc, 100 + rateLimit * 0.12m, 1) with { MbpsRate = FromUsd(0.12m, CurrencyFor(loc.Market)) };

    /// <summary>METRO (same metro), ZONE (same market), INTERCAP (long haul between markets).</summary>
    public static string DistanceBand(Location a, Location b) =>
        a.Metro == b.Metro ? "METRO" : a.Market == b.Market ? "ZONE" : "INTERCAP";

    public static Price Vxc(Location a, Location b, int rateLimit, int term)
    {
        var band = DistanceBand(a, b);
        var currency = CurrencyFor(a.Market);
        var perMbpsUsd = band switch { "METRO" => 0.05m, "ZONE" => 0.12m, _ => 0.35m };
        var mbps = FromUsd(perMbpsUsd, currency);
        var rack = Math.Max(FromUsd(10, currency), Math.Round(mbps * rateLimit, 2));
        var monthly = Math.Round(rack * (1 - TermDiscount(term)), currency == "JPY" ? 0 : 2);
        return new Price("VXC", currency, rack, monthly, mbps, band == "INTERCAP" ? mbps : 0);
    }
}
