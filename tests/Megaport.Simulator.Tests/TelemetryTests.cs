using System.Text.Json.Nodes;
using Megaport.Simulator.Endpoints;
using Megaport.Simulator.Products;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>Telemetry: a route per measured kind (NAT gateways at their own path), the non-enveloped shape, deterministic curves with gaps, range rules.</summary>
public class TelemetryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<TestSim> Start()
    {
        var clock = new ManualClock();
        clock.Advance(Noon - clock.GetUtcNow());
        return await TestSim.StartAsync(clock: clock);
    }

    [Theory]
    [InlineData("/v2/product/megaport/" + SeedIds.SydneyPrimary, "BITS", "IN", 10000)]
    [InlineData("/v2/product/vxc/" + SeedIds.VxcPortToPort, "A_BITS", "in", 1000)]
    [InlineData("/v2/product/mcr2/" + SeedIds.SydneyMcr, "BITS", "In", 5000)]
    [InlineData("/v2/product/mve/" + SeedIds.SydneyMve, "BITS", "IN", 500)]
    [InlineData("/v2/product/ix/" + SeedIds.SydneyIx, "BITS", "in", 1000)]
    [InlineData("/v3/products/nat_gateways/" + SeedIds.SydneyNatGateway, "BITS", "in", 1000)]
    public async Task Each_kind_answers_without_an_envelope_scaled_by_its_speed(string product, string type, string subtype, int mbps)
    {
        await using var sim = await Start();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, product + "/telemetry?type=" + type.ToLowerInvariant() + "&days=1");
        Assert.Equal(200, status);
        Assert.Null(json!["message"]);
        Assert.Null(json["terms"]);
        Assert.Equal(product.Split('/').Last(), json["serviceUid"]!.GetValue<string>());
        Assert.Equal(Noon.ToUnixTimeMilliseconds(), json["timeFrame"]!["to"]!.GetValue<long>());
        Assert.Equal(Noon.AddDays(-1).ToUnixTimeMilliseconds(), json["timeFrame"]!["from"]!.GetValue<long>());
        var series = json["data"]!.AsArray();
        Assert.Equal(2, series.Count);
        var first = series[0]!;
        Assert.Equal(type, first["type"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(subtype, first["subtype"]!.GetValue<string>());
        Assert.Equal("Mbps", first["unit"]!["name"]!.GetValue<string>());
        var samples = first["samples"]!.AsArray();
        Assert.InRange(samples.Count, 287, 289);   // every 5 minutes
        var values = samples.Select(s => s!.AsArray()[1]).Where(v => v is not null).Select(v => v!.GetValue<double>()).ToList();
        Assert.True(samples.Count - values.Count is >= 2 and <= 6, "a few gaps a day");
        Assert.All(values, v => Assert.InRange(v, 0, mbps));
        Assert.True(values.Max() > mbps * 0.4 && values.Min() < mbps * 0.2, "a daily curve, busy in the afternoon and quiet at night");
    }

    [Fact]
    public async Task The_same_request_gets_the_same_answer_and_samples_sit_on_whole_steps()
    {
        await using var sim = await Start();
        var path = $"/v2/product/megaport/{SeedIds.SydneyPrimary}/telemetry?type=BITS&type=ERRORS&type=OPTICAL&days=7";
        var a = (await sim.CallAsync(HttpMethod.Get, path)).Json!.ToJsonString();
        var b = (await sim.CallAsync(HttpMethod.Get, path)).Json!.ToJsonString();
        Assert.Equal(a, b);
        var data = JsonNode.Parse(a)!["data"]!.AsArray();
        Assert.Equal(["BITS/IN", "BITS/OUT", "ERRORS/IN", "ERRORS/OUT", "OPTICAL/TX", "OPTICAL/RX"],
            data.Select(d => d!["type"]!.GetValue<string>() + "/" + d["subtype"]!.GetValue<string>()));
        var step = TelemetrySynth.Step(0, 7 * 86_400_000L);
        Assert.Equal(15 * 60_000, step);
        Assert.All(data[0]!["samples"]!.AsArray(), s => Assert.Equal(0, s!.AsArray()[0]!.GetValue<long>() % step));
        var errors = data[2]!["samples"]!.AsArray().Select(s => s!.AsArray()[1]?.GetValue<double>()).Where(v => v != null).ToList();
        Assert.True(errors.Count(v => v == 0) > errors.Count * 0.9, "error counters are mostly zero");
        Assert.Contains(errors, v => v > 0);
        var optical = data[5]!["samples"]!.AsArray().Select(s => s!.AsArray()[1]?.GetValue<double>()).Where(v => v != null);
        Assert.All(optical, v => Assert.InRange(v!.Value, -4, -3));
    }

    [Theory]
    [InlineData("?days=1", "At least one 'type' is required")]
    [InlineData("?type=A_BITS&days=1", "Invalid telemetry type 'A_BITS' for product type MEGAPORT")]
    [InlineData("?type=BITS", "Either 'days' or 'from' and 'to' are required")]
    [InlineData("?type=BITS&days=0", "'days' must be between 1 and 180")]
    [InlineData("?type=BITS&days=181", "'days' must be between 1 and 180")]
    [InlineData("?type=BITS&days=x", "Invalid request")]
    [InlineData("?type=BITS&days=1&from=1", "'days' cannot be combined with 'from' and 'to'")]
    [InlineData("?type=BITS&from=1780000000000", "'from' and 'to' must be given together")]
    [InlineData("?type=BITS&from=1780300000000&to=1780200000000", "'from' must be before 'to'")]
    [InlineData("?type=BITS&from=1780300000000&to=1780300000000", "'from' must be before 'to'")]
    [InlineData("?type=BITS&from=1750000000000&to=1780300000000", "The time range must not be longer than 180 days")]
    [InlineData("?type=BITS&from=abc&to=1780300000000", "Invalid request")]
    public async Task Bad_ranges_and_types_are_400s_with_the_api_wording(string query, string message)
    {
        await using var sim = await Start();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, $"/v2/product/megaport/{SeedIds.SydneyPrimary}/telemetry{query}");
        Assert.Equal(400, status);
        Assert.Equal(message, json!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_uid_on_another_kinds_path_or_unknown_is_not_found_and_megadirect_has_no_route()
    {
        await using var sim = await Start();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, $"/v2/product/vxc/{SeedIds.SydneyPrimary}/telemetry?type=A_BITS&days=1");
        Assert.Equal(400, status);
        Assert.Equal($"Could not find a service with UID {SeedIds.SydneyPrimary}", json!["message"]!.GetValue<string>());
        (status, _) = await sim.CallAsync(HttpMethod.Get, "/v2/product/megaport/00000000-0000-4000-8000-000000000000/telemetry?type=BITS&days=1");
        Assert.Equal(400, status);
        Assert.Null(MegadirectProduct.Kind.Telemetry);
        Assert.All(ProductRegistry.Default.All.Where(k => k.Telemetry != null).SelectMany(k => k.Telemetry!.Types), t => Assert.True(TelemetrySynth.Knows(t), t));
    }

    [Fact]
    public async Task A_service_has_samples_only_while_it_was_live()
    {
        await using var sim = await Start();
        var design = (await sim.CallAsync(HttpMethod.Get, $"/v3/products/nat_gateways/{SeedIds.MelbourneNatDesign}/telemetry?type=BITS&days=7")).Json!;
        Assert.All(design["data"]!.AsArray(), d => Assert.Empty(d!["samples"]!.AsArray()));
        var before = (await sim.CallAsync(HttpMethod.Get, $"/v2/product/megaport/{SeedIds.SydneyPrimary}/telemetry?type=BITS&from=1600000000000&to=1600086400000")).Status;
        Assert.Equal(400, before);   // further back than the API keeps
        Assert.Equal(180, TelemetryEndpoints.MaxDays);
    }
}
