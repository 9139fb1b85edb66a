using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>NAT gateways: designs, pricing, the v3 bare-array buy, the lifecycle after it, the whole-object PUT and removal.</summary>
[Collection("NAT gateways")] // one after the other: many short simulators, kept from crowding the timed tests
public class NatGatewayTests
{
    private const string Root = "/v3/products/nat_gateways";

    private static async Task<JsonNode> Gateway(TestSim sim, string uid) => await sim.GetDataAsync($"{Root}/{uid}");

    private static async Task<string> Detail(TestSim sim, HttpMethod method, string path, object? body, int status = 400)
    {
        var (s, json) = await sim.CallAsync(method, path, body is JsonNode n ? n.ToJsonString() : body);
        Assert.True(s == status, $"{method} {path} -> {s}: {json?.ToJsonString()}");
        return json!["data"]?.GetValue<string>() ?? json["message"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_design_is_created_with_iso_dates_and_the_shape_of_the_api()
    {
        await using var sim = await TestSim.StartAsync();
        var body = Orders.NatGateway("edge nat", asn: 64512);
        body["resourceTags"] = new JsonArray(new JsonObject { ["key"] = "env", ["value"] = "test" });
        body["promoCode"] = "PROMO123";
        body["serviceLevelReference"] = "SLR-1";
        var (status, json) = await sim.PostAsync(Root, body.ToJsonString());
        Assert.Equal(200, status);
        var data = json!["data"]!;
        Fixtures.AssertHasShape(Fixtures.Load("v3-products-nat-gateways-create-response.json")["data"], data);
        Assert.Equal("DESIGN", data["provisioningStatus"]!.GetValue<string>());
        Assert.Null(data["productType"]); // these reads carry none
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", data["createDate"]!.GetValue<string>());
        Assert.Equal(64512, data["config"]!["asn"]!.GetValue<long>());
        Assert.Equal(4000, data["config"]!["sessionCount"]!.GetValue<int>());

        var uid = data["productUid"]!.GetValue<string>();
        Fixtures.AssertHasShape(Fixtures.Load("v3-products-nat-gateways-get-response.json")["data"], await Gateway(sim, uid));
        var product = await sim.ProductAsync(uid);
        Assert.Equal("NAT_GATEWAY", product["productType"]!.GetValue<string>());
        Assert.Contains(await sim.ProductsAsync(), p => p!["productUid"]!.GetValue<string>() == uid);
        Assert.Contains((await sim.GetDataAsync(Root)).AsArray(), g => g!["productUid"]!.GetValue<string>() == uid);
    }

    [Fact]
    public async Task The_session_matrix_has_the_shape_of_the_api_and_decides_what_can_be_ordered()
    {
        await using var sim = await TestSim.StartAsync();
        var matrix = await sim.GetDataAsync(Root + "/sessions");
        Fixtures.AssertHasShape(Fixtures.Load("v3-products-nat-gateways-sessions-response.json")["data"], matrix);
        Assert.Equal([1000, 2500, 5000, 10000], matrix.AsArray().Select(m => m!["speedMbps"]!.GetValue<int>()));

        Assert.Equal("config.sessionCount 64000 is not offered at 1000 Mbps (offered: 4000, 8000, 16000)",
            await Detail(sim, HttpMethod.Post, Root, Orders.NatGateway(sessions: 64000)));
        Assert.Equal("speed 3000 is not a NAT gateway speed (1000, 2500, 5000, 10000)", await Detail(sim, HttpMethod.Post, Root, Orders.NatGateway(speed: 3000)));
        Assert.Equal("config.diversityZone blue is not available at location 12 (Equinix ME2)",
            await Detail(sim, HttpMethod.Post, Root, Orders.NatGateway(location: 12, zone: "blue")));
        Assert.Equal("term 5 is invalid: use 1, 12, 24, 36, 48 or 60 months", await Detail(sim, HttpMethod.Post, Root, Orders.NatGateway(term: 5)));
    }

    [Fact]
    public async Task A_design_is_priced_by_uid_and_a_full_line_is_priced_without_creating_anything()
    {
        await using var sim = await TestSim.StartAsync();
        var before = (await sim.ProductsAsync()).Count;
        var (ls, lj) = await sim.PostAsync("/v3/networkdesign/validate", Orders.Design(Orders.NatGatewayLine()).ToJsonString());
        Assert.Equal(200, ls);
        Assert.Equal(before, (await sim.ProductsAsync()).Count);

        var uid = await sim.NatDesignOk();
        var (vs, vj) = await sim.PostAsync("/v3/networkdesign/validate", new JsonArray(new JsonObject { ["productUid"] = uid }).ToJsonString());
        Assert.Equal(200, vs);
        var line = vj!["data"]![0]!;
        Fixtures.AssertHasShape(Fixtures.Load("v3-networkdesign-validate-natgateway-response.json")["data"]![0], line);
        Assert.Equal(uid, line["productUid"]!.GetValue<string>());
        Assert.Equal("NAT_GATEWAY", line["productType"]!.GetValue<string>());
        Assert.Equal(lj!["data"]![0]!["price"]!.ToJsonString(), line["price"]!.ToJsonString()); // the same settings, the same price
    }

    [Fact]
    public async Task The_v3_buy_takes_a_bare_array_of_designs_and_the_gateway_walks_to_live()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 1000, clock);
        var uid = await sim.NatDesignOk();

        Assert.Equal("The buy request body must be a JSON array of designs: [{\"productUid\":\"…\"}]",
            await Detail(sim, HttpMethod.Post, "/v3/networkdesign/buy", new JsonObject { ["networkDesign"] = new JsonArray() }));
        Assert.Equal("Item 1: this buy takes designs only ([{\"productUid\": …}]); order new services with POST /v4/networkdesign/buy",
            await Detail(sim, HttpMethod.Post, "/v3/networkdesign/buy", Orders.Design(Orders.Port())));
        Assert.Equal("Item 1 (test-nat): NAT gateway designs are bought with POST /v3/networkdesign/buy (a bare array), not with /v4",
            await Detail(sim, HttpMethod.Post, "/v4/networkdesign/buy", Orders.Buy(new JsonObject { ["productUid"] = uid })));
        Assert.Equal("Item 1 (test-nat): a NAT gateway is bought as a design: create it with POST /v3/products/nat_gateways, then buy [{\"productUid\": …}] with POST /v3/networkdesign/buy",
            await Detail(sim, HttpMethod.Post, "/v4/networkdesign/buy", Orders.Buy(Orders.NatGatewayLine())));

        var answer = await sim.BuyDesignsOk(uid);
        Fixtures.AssertHasShape(Fixtures.Load("v3-networkdesign-buy-natgateway-response.json")["data"], answer);
        Assert.Equal(uid, answer[0]!["uid"]!.GetValue<string>());
        Assert.Equal("DEPLOYABLE", answer[0]!["provisioningStatus"]!.GetValue<string>());
        Assert.True(answer[0]!["createDate"]!.GetValue<long>() > 0); // epoch ms in the buy answer
        Assert.Equal(5, sim.Context.Stats.BuyCalls); // both buy paths count, refused ones too

        Assert.Equal($"Item 1 (test-nat): productUid {uid}: NAT gateway test-nat is DEPLOYABLE; only a DESIGN can be validated or bought",
            await Detail(sim, HttpMethod.Post, "/v3/networkdesign/buy", new JsonArray(new JsonObject { ["productUid"] = uid })));
        var seen = new List<string> { (await Gateway(sim, uid))["provisioningStatus"]!.GetValue<string>() };
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1000));
            seen.Add((await Gateway(sim, uid))["provisioningStatus"]!.GetValue<string>());
        }
        Assert.Equal(["DEPLOYABLE", "CONFIGURED", "LIVE"], seen);
        Assert.Matches(@"Z$", (await sim.ProductAsync(uid))["liveDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task Designs_are_deleted_not_cancelled_and_a_bought_gateway_is_cancelled_only_at_once()
    {
        await using var sim = await TestSim.StartAsync();
        var design = SeedIds.MelbourneNatDesign;
        Assert.Equal($"NAT gateway {design} is a DESIGN that was never bought: there is nothing to cancel; delete the design instead",
            await Detail(sim, HttpMethod.Post, $"/v3/product/{design}/action/CANCEL_NOW", null));
        var (ds, dj) = await sim.CallAsync(HttpMethod.Delete, $"{Root}/{design}");
        Assert.Equal(200, ds);
        Assert.Equal("Nat gateway order item deleted successfully", dj!["message"]!.GetValue<string>());
        Assert.DoesNotContain((await sim.GetDataAsync(Root)).AsArray(), g => g!["productUid"]!.GetValue<string>() == design);
        Assert.Equal(400, (await sim.CallAsync(HttpMethod.Get, "/v2/product/" + design)).Status);

        var live = SeedIds.SydneyNatGateway;
        Assert.StartsWith($"NAT gateway {live} is LIVE: only a DESIGN is deleted here", await Detail(sim, HttpMethod.Delete, $"{Root}/{live}", null));
        Assert.Equal($"NAT gateway {live} cannot be cancelled later, use CANCEL_NOW",
            await Detail(sim, HttpMethod.Post, $"/v3/product/{live}/action/CANCEL", null));
        Assert.Equal(200, (await sim.PostAsync($"/v3/product/{live}/action/CANCEL_NOW", null)).Status);
        Assert.Equal("DECOMMISSIONED", (await Gateway(sim, live))["provisioningStatus"]!.GetValue<string>());
        // Its VXC goes with it.
        Assert.Equal("DECOMMISSIONED", (await sim.ProductAsync(SeedIds.VxcNatToPrimary))["provisioningStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_put_sends_the_whole_gateway_and_is_checked_against_the_matrix()
    {
        await using var sim = await TestSim.StartAsync();
        var path = $"{Root}/{SeedIds.SydneyNatGateway}";
        var body = Orders.NatGateway("renamed", speed: 2500, sessions: 16000, term: 24);
        body["resourceTags"] = new JsonArray(new JsonObject { ["key"] = "tier", ["value"] = "gold" });
        var (status, json) = await sim.PutAsync(path, body.ToJsonString());
        Assert.Equal(200, status);
        var data = json!["data"]!;
        Assert.Equal("renamed", data["productName"]!.GetValue<string>());
        Assert.Equal(2500, data["speed"]!.GetValue<int>());
        Assert.Equal(16000, data["config"]!["sessionCount"]!.GetValue<int>());
        Assert.Equal(24, data["term"]!.GetValue<int>());
        Assert.Equal("LIVE", data["provisioningStatus"]!.GetValue<string>());
        Assert.Equal("tier", data["resourceTags"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(64512, data["config"]!["asn"]!.GetValue<long>()); // asn 0 keeps it

        Assert.Equal("config.sessionCount 4000 is not offered at 2500 Mbps (offered: 16000, 32000)",
            await Detail(sim, HttpMethod.Put, path, Orders.NatGateway(speed: 2500, sessions: 4000)));
        Assert.Equal("locationId 2: a NAT gateway cannot move (it is at 3)", await Detail(sim, HttpMethod.Put, path, Orders.NatGateway(location: 2, sessions: 8000)));
        Assert.Equal("productName is required", await Detail(sim, HttpMethod.Put, path, new JsonObject { ["speed"] = 1000 }));
        Assert.Equal($"Product {SeedIds.SydneyPrimary} is a MEGAPORT, not a NAT gateway",
            await Detail(sim, HttpMethod.Put, $"{Root}/{SeedIds.SydneyPrimary}", Orders.NatGateway()));
    }

    [Fact]
    public async Task An_unknown_gateway_is_the_apis_could_not_find_a_service()
    {
        await using var sim = await TestSim.StartAsync();
        foreach (var path in new[] { $"{Root}/nope", $"{Root}/{SeedIds.SydneyPrimary}", $"{Root}/nope/packet_filter_summaries", $"{Root}/nope/diagnostics/routes/ip" })
            Assert.StartsWith("Could not find a service with UID", await Detail(sim, HttpMethod.Get, path, null));
    }

    [Fact]
    public async Task A_nat_gateway_is_a_vxc_a_end_with_interfaces_and_refuses_nat_addresses()
    {
        await using var sim = await TestSim.StartAsync();
        JsonObject Config(JsonObject @interface) => new() { ["interfaces"] = new JsonArray(@interface) };
        JsonObject Interface() => new()
        {
            ["ipAddresses"] = new JsonArray("10.9.0.1/30"),
            ["ipRoutes"] = new JsonArray(new JsonObject { ["prefix"] = "172.20.0.0/16", ["nextHop"] = "10.9.0.2", ["description"] = "lab" }),
            ["bgpConnections"] = new JsonArray(new JsonObject { ["peerAsn"] = 65001, ["localIpAddress"] = "10.9.0.1", ["peerIpAddress"] = "10.9.0.2", ["shutdown"] = true }),
            ["packetFilterIn"] = 1, ["packetFilterOut"] = 1,
        };
        var ok = Orders.Vxc(SeedIds.SydneyNatGateway, SeedIds.SydneySecondary, name: "nat-vxc", aConfig: Config(Interface()));
        var bought = await sim.BuyOk(ok);
        var vxc = await sim.ProductAsync(bought[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>());
        Assert.Equal(SeedIds.SydneyNatGateway, vxc["aEnd"]!["productUid"]!.GetValue<string>());

        var nat = Interface();
        nat["natIpAddresses"] = new JsonArray("203.0.113.9");
        Assert.Equal("Item 1 (test-vxc): aEnd.partnerConfig.interfaces[0].natIpAddresses is not allowed on a NAT gateway end: the gateway manages its NAT addresses",
            await sim.BothFail(Orders.Vxc(SeedIds.SydneyNatGateway, SeedIds.SydneySecondary, aConfig: Config(nat))));
        var unknown = Interface();
        unknown["packetFilterOut"] = 99;
        Assert.Equal($"Item 1 (test-vxc): aEnd.partnerConfig.interfaces[0].packetFilterOut 99 is not a packet filter of NAT gateway Sydney NAT Gateway ({SeedIds.SydneyNatGateway})",
            await sim.BothFail(Orders.Vxc(SeedIds.SydneyNatGateway, SeedIds.SydneySecondary, aConfig: Config(unknown))));
        Assert.Equal($"Item 1 (test-vxc): aEnd: NAT gateway Melbourne NAT Gateway ({SeedIds.MelbourneNatDesign}) is DESIGN",
            await sim.BothFail(Orders.Vxc(SeedIds.MelbourneNatDesign, SeedIds.SydneySecondary)));
    }
}
