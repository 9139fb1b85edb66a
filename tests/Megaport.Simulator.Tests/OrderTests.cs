using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

public class OrderTests
{
    private static readonly string[] PriceFields =
        ["hourlySetup", "dailySetup", "monthlySetup", "hourlyRate", "dailyRate", "monthlyRate", "fixedRecurringCharge",
         "longHaulMbpsRate", "mbpsRate", "currency", "productType", "monthlyRackRate"];

    [Fact]
    public async Task Validate_port_returns_priced_line_item_and_creates_nothing()
    {
        await using var sim = await TestSim.StartAsync();
        var before = (await sim.ProductsAsync()).Count;
        var (status, json) = await sim.PostAsync("/v3/networkdesign/validate", Orders.Design(Orders.Port()).ToJsonString());
        Assert.Equal(200, status);
        Assert.Equal("Validation passed", json!["message"]!.GetValue<string>());
        var line = json["data"]![0]!;
        Fixtures.AssertHasShape(Fixtures.Load("v3-networkdesign-validate-natgateway-response.json")["data"]![0], line);
        Assert.Null(line["productUid"]);
        Assert.Equal("MEGAPORT", line["productType"]!.GetValue<string>());
        Assert.Equal("Sydney", line["string"]!.GetValue<string>());
        foreach (var f in PriceFields) Assert.True(line["price"]!.AsObject().ContainsKey(f), f);
        Assert.Equal("AUD", line["price"]!["currency"]!.GetValue<string>());
        Assert.True(line["price"]!["monthlyRate"]!.GetValue<decimal>() > 0);
        Assert.Equal(before, (await sim.ProductsAsync()).Count);
    }

    [Fact]
    public async Task Prices_depend_on_term_market_and_distance()
    {
        await using var sim = await TestSim.StartAsync();
        async Task<JsonNode> Price(JsonObject item)
        {
            var (status, json) = await sim.PostAsync("/v3/networkdesign/validate", Orders.Design(item).ToJsonString());
            Assert.Equal(200, status);
            return json!["data"]![0]!["price"]!;
        }
        var monthly = (await Price(Orders.Port(term: 1)))["monthlyRate"]!.GetValue<decimal>();
        var threeYears = (await Price(Orders.Port(term: 36)))["monthlyRate"]!.GetValue<decimal>();
        Assert.True(threeYears < monthly);
        Assert.Equal("GBP", (await Price(Orders.Port(location: 50)))["currency"]!.GetValue<string>());
        Assert.Equal("USD", (await Price(Orders.Port(location: 80, zone: null)))["currency"]!.GetValue<string>());
        Assert.Equal("EUR", (await Price(Orders.Port(location: 60)))["currency"]!.GetValue<string>());
        var metro = await Price(Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, rate: 100));
        var longHaul = await Price(Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.LosAngelesEdge, rate: 100));
        Assert.True(longHaul["monthlyRate"]!.GetValue<decimal>() > metro["monthlyRate"]!.GetValue<decimal>());
        Assert.True(longHaul["longHaulMbpsRate"]!.GetValue<decimal>() > 0);
        Assert.Equal(0m, metro["longHaulMbpsRate"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Buy_port_creates_a_deployable_service_listed_everywhere()
    {
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 60_000);
        var data = await sim.BuyOk(Orders.Port("new-edge", term: 24));
        Assert.Single(data);
        Fixtures.AssertHasShape(Fixtures.Load("v4-networkdesign-buy-port-response.json")["data"]![0], data[0]);
        var uid = data[0]!["technicalServiceUid"]!.GetValue<string>();
        var port = await sim.ProductAsync(uid);
        Assert.Equal("DEPLOYABLE", port["provisioningStatus"]!.GetValue<string>());
        Assert.Equal("new-edge", port["productName"]!.GetValue<string>());
        Assert.Equal(24, port["contractTermMonths"]!.GetValue<int>());
        Assert.Equal("Demo Networks Pty Ltd", port["companyName"]!.GetValue<string>());
        Assert.Equal(SeedIds.DemoCompany.Uid, port["companyUid"]!.GetValue<string>());
        Assert.Equal(3, port["locationId"]!.GetValue<int>());
        Assert.Equal("red", port["diversityZone"]!.GetValue<string>());
        Assert.Equal("AU", port["market"]!.GetValue<string>());
        var created = port["createDate"]!.GetValue<long>();
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds());
        Assert.Contains(await sim.ProductsAsync(), p => p!["productUid"]!.GetValue<string>() == uid);
    }

    [Fact]
    public async Task Buy_lag_returns_one_uid_per_member()
    {
        await using var sim = await TestSim.StartAsync();
        var data = await sim.BuyOk(Orders.Port("lag", location: 4, speed: 100000, lag: 3));
        Assert.Equal(3, data.Count);
        var members = new List<JsonNode>();
        foreach (var d in data) members.Add(await sim.ProductAsync(d!["technicalServiceUid"]!.GetValue<string>()));
        Assert.Single(members, m => m["lagPrimary"]!.GetValue<bool>());
        Assert.Single(members.Select(m => m["aggregationId"]!.GetValue<int>()).Distinct());
        Assert.NotEqual(0, members[0]["aggregationId"]!.GetValue<int>());
        // Validate prices each member as its own line item.
        var (_, json) = await sim.PostAsync("/v3/networkdesign/validate", Orders.Design(Orders.Port("lag", location: 4, speed: 100000, lag: 3)).ToJsonString());
        Assert.Equal(3, json!["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task Envelope_forms_are_enforced()
    {
        await using var sim = await TestSim.StartAsync();
        var (bs, bj) = await sim.PostAsync("/v4/networkdesign/buy", Orders.Design(Orders.Port()).ToJsonString());
        Assert.Equal(400, bs);
        Assert.Contains("networkDesign", bj!["data"]!.GetValue<string>());
        var (vs, _) = await sim.PostAsync("/v3/networkdesign/validate", Orders.Buy(Orders.Port()).ToJsonString());
        Assert.Equal(400, vs);
        var (es, ej) = await sim.PostAsync("/v3/networkdesign/validate", "[]");
        Assert.Equal(400, es);
        Assert.Equal("The order contains no items", ej!["data"]!.GetValue<string>());
        var (ms, _) = await sim.PostAsync("/v4/networkdesign/buy", "{not json");
        Assert.Equal(400, ms);
        Assert.Equal(0, (await sim.Http.GetFromJsonNode("/_simulator/stats"))["buysExecuted"]!.GetValue<int>());
    }

    public static TheoryData<string, string> PortRules => new()
    {
        { """{"productName":"p","term":12,"productType":"MEGAPORT","portSpeed":10000,"locationId":99999}""", "Item 1 (p): locationId 99999 was not found" },
        { """{"productName":"p","term":12,"productType":"MEGAPORT","portSpeed":10000,"locationId":8}""", "Item 1 (p): location 8 (NEXTDC S3) is not active (status Deployment)" },
        { """{"productName":"p","term":12,"productType":"MEGAPORT","portSpeed":10000,"locationId":83}""", "is not active (status Expired)" },
        { """{"productName":"p","term":12,"productType":"MEGAPORT","portSpeed":400000,"locationId":3}""", "portSpeed 400000 is not available at location 3 (Global Switch Sydney) (available: 1000, 10000, 100000)" },
        { """{"productName":"p","term":12,"productType":"MEGAPORT","portSpeed":100000,"locationId":6,"config":{"diversityZone":"blue"}}""", "portSpeed 100000 is not available at location 6 (NEXTDC S2) in the blue zone" },
        { """{"productName":"p","term":12,"productType":"MEGAPORT","portSpeed":10000,"locationId":12,"config":{"diversityZone":"blue"}}""", "config.diversityZone blue is not available at location 12" },
        { """{"productName":"p","term":13,"productType":"MEGAPORT","portSpeed":10000,"locationId":3}""", "Item 1 (p): term 13 is invalid: use 1, 12, 24, 36, 48 or 60 months" },
        { """{"productName":"","term":12,"productType":"MEGAPORT","portSpeed":10000,"locationId":3}""", "productName is required" },
        { """{"productName":"0123456789012345678901234567890123456789012345678901234567890123456789","term":12,"productType":"MEGAPORT","portSpeed":10000,"locationId":3}""", "productName must be 1-64 characters (got 70)" },
        { """{"productName":"p","term":12,"productType":"MEGAPORT","portSpeed":10000,"locationId":3,"lagPortCount":9}""", "lagPortCount 9 is invalid: a LAG has 1-8 ports" },
        { """{"productName":"p","term":12,"productType":"MEGAPORT","portSpeed":1000,"locationId":3,"lagPortCount":2}""", "portSpeed 1000 is not available for a LAG" },
        { """{"productName":"p","term":12,"productType":"TOASTER","portSpeed":1000,"locationId":3}""", "productType 'TOASTER' is not supported" },
        { """{"productName":"m","term":12,"productType":"MCR2","portSpeed":400000,"locationId":3}""", "portSpeed 400000 is not a valid MCR speed" },
        { """{"productName":"m","term":12,"productType":"MCR2","portSpeed":25000,"locationId":3}""", "portSpeed 25000 is not available at location 3" },
        { """{"productName":"m","term":12,"productType":"MCR2","portSpeed":1000,"locationId":3,"addOns":[{"addOnType":"IP_SEC","tunnelCount":15}]}""", "addOns.tunnelCount 15 is invalid: use 10, 20 or 30" },
        { """{"productName":"m","term":12,"productType":"MCR2","portSpeed":1000,"locationId":3,"config":{"mcrAsn":4294967296}}""", "config.mcrAsn 4294967296 is invalid" },
        { """{"productName":"v","term":12,"productType":"MVE","locationId":16,"vendorConfig":{"vendor":"cisco","imageId":92,"productSize":"SMALL"}}""", "MVE is not available at location 16" },
        { """{"productName":"v","term":12,"productType":"MVE","locationId":4,"vendorConfig":{"vendor":"fortinet","imageId":92,"productSize":"SMALL"}}""", "vendorConfig.vendor 'fortinet' does not match image 92" },
        { """{"productName":"v","term":12,"productType":"MVE","locationId":4,"vendorConfig":{"vendor":"meraki","imageId":97,"productSize":"LARGE"}}""", "is not offered in size LARGE" },
        { """{"productName":"v","term":12,"productType":"MVE","locationId":4,"vendorConfig":{"vendor":"cisco","imageId":1,"productSize":"SMALL"}}""", "vendorConfig.imageId 1 was not found" },
    };

    [Theory]
    [MemberData(nameof(PortRules))]
    public async Task Product_rules_fail_validate_and_buy_with_specific_reason(string item, string expected)
    {
        await using var sim = await TestSim.StartAsync();
        var before = (await sim.ProductsAsync()).Count;
        var detail = await sim.BothFail(JsonNode.Parse(item)!.AsObject());
        Assert.Contains(expected, detail);
        Assert.Equal(before, (await sim.ProductsAsync()).Count);
    }

    [Fact]
    public async Task Failure_names_the_item_and_nothing_is_bought()
    {
        await using var sim = await TestSim.StartAsync();
        var before = (await sim.ProductsAsync()).Count;
        var good = Orders.Port("good-port");
        var bad = Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, name: "vxc-b", rate: 20000);
        var detail = await sim.BothFail(good, bad);
        Assert.Equal("Item 2 (vxc-b): rateLimit 20000 exceeds the A-End port speed 10000", detail);
        Assert.Equal(before, (await sim.ProductsAsync()).Count);
        var stats = await sim.Http.GetFromJsonNode("/_simulator/stats");
        Assert.Equal(1, stats["buyCalls"]!.GetValue<int>());
        Assert.Equal(0, stats["buysExecuted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Mcr_mve_and_ix_orders()
    {
        await using var sim = await TestSim.StartAsync();
        var data = await sim.BuyOk(Orders.Mcr(tunnels: 20), Orders.Mve(), Orders.Ix(SeedIds.SydneyPrimary));
        var mcr = await sim.ProductAsync(data[0]!["technicalServiceUid"]!.GetValue<string>());
        Assert.Equal("MCR2", mcr["productType"]!.GetValue<string>());
        Assert.Equal(133937, mcr["resources"]!["virtual_router"]!["mcrAsn"]!.GetValue<int>());
        Assert.Equal(20, mcr["addOns"]![0]!["tunnelCount"]!.GetValue<int>());
        var mve = await sim.ProductAsync(data[1]!["technicalServiceUid"]!.GetValue<string>());
        Assert.Equal("MVE", mve["productType"]!.GetValue<string>());
        Assert.Equal("SMALL", mve["mveSize"]!.GetValue<string>());
        var ix = await sim.ProductAsync(data[2]!["technicalServiceUid"]!.GetValue<string>());
        Assert.Equal("IX", ix["productType"]!.GetValue<string>());
        Assert.Equal("Sydney IX", ix["networkServiceType"]!.GetValue<string>());
        Assert.InRange(ix["vlan"]!.GetValue<int>(), 2, 4093);
        var custom = await sim.BuyOk(Orders.Mcr(name: "asn-mcr", asn: 64999));
        Assert.Equal(64999, (await sim.ProductAsync(custom[0]!["technicalServiceUid"]!.GetValue<string>()))["resources"]!["virtual_router"]!["mcrAsn"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("LINX LON1", "00:11:22:33:44:55", 65000, 500, "networkServiceType 'LINX LON1' is not available in Sydney (available: Sydney IX)")]
    [InlineData("Nowhere IX", "00:11:22:33:44:55", 65000, 500, "networkServiceType 'Nowhere IX' is not a known exchange")]
    [InlineData("Sydney IX", "zz:11", 65000, 500, "macAddress must look like 00:11:22:33:44:55")]
    [InlineData("Sydney IX", "00:11:22:33:44:55", 0, 500, "asn is required")]
    [InlineData("Sydney IX", "00:11:22:33:44:55", 65000, 20000, "rateLimit 20000 exceeds the port speed 10000")]
    public async Task Ix_rules(string type, string mac, long asn, int rate, string expected)
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Contains(expected, await sim.BothFail(Orders.Ix(SeedIds.SydneyPrimary, type: type, mac: mac, asn: asn, rate: rate)));
    }

    [Fact]
    public async Task Ix_on_an_mcr_is_refused()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Contains("an IX must be attached to a Port (found MCR2)", await sim.BothFail(Orders.Ix(SeedIds.SydneyMcr)));
    }

    [Fact]
    public async Task Orders_journal_and_stats()
    {
        await using var sim = await TestSim.StartAsync();
        await sim.PostAsync("/v3/networkdesign/validate", Orders.Design(Orders.Port()).ToJsonString());
        var data = await sim.BuyOk(Orders.Port("journaled"));
        var stats = await sim.Http.GetFromJsonNode("/_simulator/stats");
        Assert.Equal(1, stats["validateCalls"]!.GetValue<int>());
        Assert.Equal(1, stats["buyCalls"]!.GetValue<int>());
        Assert.Equal(1, stats["buysExecuted"]!.GetValue<int>());
        var orders = (await sim.Http.GetFromJsonNode("/_simulator/orders")).AsArray();
        Assert.Equal(["validate", "buy"], orders.Select(o => o!["kind"]!.GetValue<string>()));
        Assert.Equal("journaled", orders[1]!["body"]!["networkDesign"]![0]!["productName"]!.GetValue<string>());
        Assert.Equal(data[0]!["technicalServiceUid"]!.GetValue<string>(), orders[1]!["createdUids"]![0]!.GetValue<string>());
        Assert.Equal(200, orders[1]!["status"]!.GetValue<int>());
    }
}

public static class HttpJsonExtensions
{
    public static async Task<JsonNode> GetFromJsonNode(this HttpClient http, string path)
    {
        using var resp = await http.GetAsync(path);
        Assert.True(resp.IsSuccessStatusCode, $"GET {path} -> {(int)resp.StatusCode}");
        return JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
    }
}
