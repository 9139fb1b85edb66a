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
/// A deterministic, made-up price book (not Megaport's real prices). Each kind's order rule holds its USD rack rates;
/// this converts them to the market's billing currency and takes a discount for longer terms.
/// </summary>
public static class Pricing
{
    public static string CurrencyFor(string market) => market switch
    {
        "AU" => "AUD",
        "NZ" => "NZD",
        "UK" => "GBP",
        "DE" or "NL" or "FR" or "IE" => "EUR",
        "JP" => "JPY",
        _ => "USD",
    };

    public static decimal FromUsd(decimal usd, string currency) => currency switch
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

    /// <summary>The monthly rate: the rack rate less the term discount (whole yen, else cents).</summary>
    public static decimal Discounted(decimal rack, int term, string currency) =>
        Math.Round(rack * (1 - TermDiscount(term)), currency == "JPY" ? 0 : 2);

    /// <summary>A fixed monthly price from a USD rack rate at the location's market.</summary>
    public static Price Fixed(string type, Location loc, decimal usd, int term)
    {
        var currency = CurrencyFor(loc.Market);
        var rack = FromUsd(usd, currency);
        return new Price(type, currency, rack, Discounted(rack, term, currency), 0, 0);
    }
}
