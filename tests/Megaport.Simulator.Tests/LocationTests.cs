using System.Text.Json.Nodes;

namespace Megaport.Simulator.Tests;

/// <summary>What clients' location helpers read: network regions (countries and market codes) and round-trip times.</summary>
public class LocationTests
{
    [Fact]
    public async Task Network_regions_list_every_market_of_the_seed_with_its_site_count()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/networkRegions");
        Assert.Equal(200, status);
        Assert.Equal("List all public network regions", json!["message"]!.GetValue<string>());
        var region = Assert.Single(json["data"]!.AsArray())!;
        Assert.Equal("MP1", region["networkRegion"]!.GetValue<string>());
        var countries = region["countries"]!.AsArray().ToDictionary(c => c!["prefix"]!.GetValue<string>());
        var locations = (await sim.GetDataAsync("/v3/locations")).AsArray();
        // Clients check a market code against these prefixes, then filter locations by it: every active location's market is one.
        var active = locations.Where(l => l!["status"]!.GetValue<string>() == "Active").ToList();
        Assert.Equal(active.Select(l => l!["market"]!.GetValue<string>()).Distinct().Order(), countries.Keys.Order());
        foreach (var (prefix, c) in countries)
            Assert.Equal(active.Count(l => l!["market"]!.GetValue<string>() == prefix), c!["siteCount"]!.GetValue<int>());
        Assert.Equal("AUS", countries["AU"]!["code"]!.GetValue<string>());
        Assert.Equal("Australia", countries["AU"]!["name"]!.GetValue<string>());
        Assert.Equal("GBR", countries["UK"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Round_trip_times_cover_every_other_active_site_for_a_past_month()
    {
        var clock = new ManualClock(); // 2026-01-01
        await using var sim = await TestSim.StartAsync(clock: clock);
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/locations/rtt?srcLocation=3&year=25&month=12");
        Assert.Equal(200, status);
        Assert.Equal("List RTT by location=3 , year=25, month=12", json!["message"]!.GetValue<string>());
        var rows = json["data"]!.AsArray();
        var active = (await sim.GetDataAsync("/v3/locations")).AsArray().Where(l => l!["status"]!.GetValue<string>() == "Active").ToList();
        Assert.Equal(active.Count - 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(3, r!["srcLocation"]!.GetValue<int>()));
        double Rtt(int dst) => rows.Single(r => r!["dstLocation"]!.GetValue<int>() == dst)!["medianRTT"]!.GetValue<double>();
        Assert.InRange(Rtt(2), 0.2, 1);      // Equinix SY1, across Sydney
        Assert.InRange(Rtt(10), 8, 14);      // Melbourne
        Assert.InRange(Rtt(50), 220, 320);   // London
        // The same both ways, stable across calls, and a month apart differs a little.
        var back = (await sim.GetDataAsync("/v2/locations/rtt?srcLocation=50&year=25&month=12")).AsArray();
        Assert.Equal(Rtt(50), back.Single(r => r!["dstLocation"]!.GetValue<int>() == 3)!["medianRTT"]!.GetValue<double>());
        Assert.Equal(rows.ToJsonString(), (await sim.GetDataAsync("/v2/locations/rtt?srcLocation=3&year=25&month=12")).ToJsonString());
        var november = (await sim.GetDataAsync("/v2/locations/rtt?srcLocation=3&year=25&month=11")).AsArray();
        Assert.NotEqual(Rtt(50), november.Single(r => r!["dstLocation"]!.GetValue<int>() == 50)!["medianRTT"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("srcLocation=3&year=26&month=1", 200, 0)]   // this month: no statistics yet
    [InlineData("srcLocation=3&year=27&month=5", 200, 0)]
    [InlineData("srcLocation=8&year=25&month=12", 200, 0)]  // a site still in deployment has none
    [InlineData("year=25&month=12", 400, -1)]
    [InlineData("srcLocation=3&year=2025&month=12", 400, -1)]
    [InlineData("srcLocation=3&year=25&month=13", 400, -1)]
    [InlineData("srcLocation=99999&year=25&month=12", 400, -1)]
    [InlineData("srcLocation=abc&year=25&month=12", 400, -1)]
    public async Task Round_trip_times_refuse_bad_parameters_and_are_empty_for_months_not_over(string query, int expected, int count)
    {
        await using var sim = await TestSim.StartAsync(clock: new ManualClock());
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/locations/rtt?" + query);
        Assert.Equal(expected, status);
        if (count >= 0) Assert.Equal(count, json!["data"]!.AsArray().Count);
        else Assert.Equal("Invalid request", json!["message"]!.GetValue<string>());
    }
}
