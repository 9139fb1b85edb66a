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

    public static TheoryData<string, string> VxcRules => new()
    {
        { "vlan4094", "aEnd.vlan 4094 is invalid: use -1 (untagged), 0 (auto) or 2-4093" },
        { "vlan1", "aEnd.vlan 1 is invalid" },
        { "vlanClash", $"aEnd.vlan 100 is already in use on port Sydney Primary ({SeedIds.SydneyPrimary})" },
        { "vlanClashIx", "aEnd.vlan 300 is already in use on port Sydney Primary" },
        { "vlanClashB", "bEnd.vlan 201 is already in use on port Sydney Secondary" },
        { "rateA", "rateLimit 20000 exceeds the A-End port speed 10000" },
        { "rateB", "rateLimit 5000 exceeds the B-End port speed 1000" },
        { "rateZero", "rateLimit must be greater than 0" },
        { "ratePartner", "rateLimit 6000 exceeds the B-End maximum VXC speed 5000 of AWS Direct Connect (ap-southeast-2) Sydney" },
        { "aUnknown", "aEnd: product 00000000-0000-0000-0000-000000000001 is not a service of this account" },
        { "aDecommissioned", $"aEnd: port Brisbane Old Port ({SeedIds.DecommissionedPort}) is DECOMMISSIONED" },
        { "aLagMember", "is a LAG member; use the LAG's primary port" },
        { "aPartner", "is not a service of this account" },
        { "bMissing", "Item 1 (test-vxc): Valid B-End is required" },
        { "bUnknown", "Valid B-End is required: product 00000000-0000-0000-0000-000000000002 was not found" },
        { "bNotPermitted", "does not accept new VXCs (vxcPermitted=false)" },
        { "awsAccount", "bEnd.partnerConfig.ownerAccount must be a 12-digit AWS account id (got '12345')" },
        { "awsAsn", "bEnd.partnerConfig.asn is required" },
        { "awsMissingConfig", "bEnd.partnerConfig with connectType AWS is required" },
        { "mismatch", "bEnd.partnerConfig.connectType AZURE does not match the B-End port type AWS" },
        { "azureKey", "bEnd.partnerConfig.serviceKey 11111111-2222-3333-4444-555555555555 is not a known ExpressRoute service key" },
        { "googleKey", "bEnd.partnerConfig.pairingKey nope/australia-southeast1/1 is not a known pairing key" },
        { "oracleKey", "bEnd.partnerConfig.virtualCircuitId ocid1.nope is not a known virtual circuit id" },
        { "ibmAccount", "bEnd.partnerConfig.account_id must be 32 hexadecimal characters" },
        { "ibmAsn", "bEnd.partnerConfig.customer_asn 64512 is outside the ranges IBM accepts" },
        { "term", "term 2 is invalid" },
        { "aConfigOnPort", "aEnd.partnerConfig is only allowed when the A-End is an MCR" },
        { "azureRate", "rateLimit 2000 exceeds the AZURE circuit bandwidth 1000" },
    };

    private static JsonObject VxcCase(string name)
    {
        var sydAws = Orders.AwsSydneyRed;
        var ibm = SeedPartners.Uid("IBM", "Sydney", "any");
        var full = SeedIds.Derive("partner/aws/sydney/full");
        return name switch
        {
            "vlan4094" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, aVlan: 4094),
            "vlan1" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, aVlan: 1),
            "vlanClash" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, aVlan: 100),
            "vlanClashIx" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, aVlan: 300),
            "vlanClashB" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, aVlan: 2000, bVlan: 201),
            "rateA" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, rate: 20000),
            "rateB" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.LosAngelesEdge, rate: 5000),
            "rateZero" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, rate: 0),
            "ratePartner" => Orders.Vxc(SeedIds.SydneyPrimary, sydAws, rate: 6000, bConfig: Orders.Aws()),
            "aUnknown" => Orders.Vxc("00000000-0000-0000-0000-000000000001", SeedIds.SydneySecondary),
            "aDecommissioned" => Orders.Vxc(SeedIds.DecommissionedPort, SeedIds.SydneySecondary),
            "aLagMember" => Orders.Vxc(SeedIds.LagMember, SeedIds.SydneySecondary),
            "aPartner" => Orders.Vxc(sydAws, SeedIds.SydneySecondary),
            "bMissing" => Orders.Vxc(SeedIds.SydneyPrimary, null),
            "bUnknown" => Orders.Vxc(SeedIds.SydneyPrimary, "00000000-0000-0000-0000-000000000002"),
            "bNotPermitted" => Orders.Vxc(SeedIds.SydneyPrimary, full, bConfig: Orders.Aws()),
            "awsAccount" => Orders.Vxc(SeedIds.SydneyPrimary, sydAws, bConfig: Orders.Aws(account: "12345")),
            "awsAsn" => Orders.Vxc(SeedIds.SydneyPrimary, sydAws, bConfig: Orders.Aws(asn: 0)),
            "awsMissingConfig" => Orders.Vxc(SeedIds.SydneyPrimary, sydAws),
            "mismatch" => Orders.Vxc(SeedIds.SydneyPrimary, sydAws, bConfig: new JsonObject { ["connectType"] = "AZURE", ["serviceKey"] = SeedIds.AzureSydneyKey }),
            "azureKey" => Orders.Vxc(SeedIds.SydneyPrimary, null, bConfig: new JsonObject { ["connectType"] = "AZURE", ["serviceKey"] = "11111111-2222-3333-4444-555555555555" }),
            "googleKey" => Orders.Vxc(SeedIds.SydneyPrimary, null, bConfig: new JsonObject { ["connectType"] = "GOOGLE", ["pairingKey"] = "nope/australia-southeast1/1" }),
            "oracleKey" => Orders.Vxc(SeedIds.SydneyPrimary, null, bConfig: new JsonObject { ["connectType"] = "ORACLE", ["virtualCircuitId"] = "ocid1.nope" }),
            "ibmAccount" => Orders.Vxc(SeedIds.SydneyPrimary, ibm, bConfig: new JsonObject { ["connectType"] = "IBM", ["account_id"] = "xyz", ["customer_asn"] = 65000 }),
            "ibmAsn" => Orders.Vxc(SeedIds.SydneyPrimary, ibm, bConfig: new JsonObject { ["connectType"] = "IBM", ["account_id"] = "0123456789abcdef0123456789abcdef", ["customer_asn"] = 64512 }),
            "term" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, term: 2),
            "aConfigOnPort" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, aConfig: new JsonObject { ["interfaces"] = new JsonArray() }),
            "azureRate" => Orders.Vxc(SeedIds.SydneyPrimary, null, rate: 2000, bConfig: new JsonObject { ["connectType"] = "AZURE", ["serviceKey"] = SeedIds.AzureSydneyKey }),
            _ => throw new ArgumentException(name),
        };
    }

    [Theory]
    [MemberData(nameof(VxcRules))]
    public async Task Vxc_rules_fail_validate_and_buy_with_specific_reason(string @case, string expected)
    {
        await using var sim = await TestSim.StartAsync();
        var detail = await sim.BothFail(VxcCase(@case));
        Assert.Contains(expected, detail);
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
    public async Task Vlans_of_earlier_items_in_the_same_order_count()
    {
        await using var sim = await TestSim.StartAsync();
        var a = Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, name: "one", aVlan: 777, bVlan: 778);
        var b = Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, name: "two", aVlan: 777, bVlan: 779);
        var detail = await sim.BothFail(a, b);
        Assert.StartsWith("Item 2 (two): aEnd.vlan 777 is already in use", detail);
    }

    [Fact]
    public async Task Buy_vxc_returns_the_order_record_and_nests_the_vxc()
    {
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 60_000);
        var data = await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, name: "p2p", rate: 200, aVlan: 900));
        Fixtures.AssertHasShape(Fixtures.Load("v4-networkdesign-buy-vxc-response.json")["data"]![0], data[0]);
        var uid = data[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();
        Assert.Equal(uid, data[0]!["vxc"]!["technicalServiceUid"]!.GetValue<string>());
        Assert.Equal("DEPLOYABLE", data[0]!["vxc"]!["provisioningStatus"]!.GetValue<string>());

        var vxc = await sim.ProductAsync(uid);
        Assert.Equal("VXC", vxc["productType"]!.GetValue<string>());
        Assert.Equal(900, vxc["aEnd"]!["vlan"]!.GetValue<int>());
        var bVlan = vxc["bEnd"]!["vlan"]!.GetValue<int>();
        Assert.InRange(bVlan, 2, 4093); // 0 = auto-assigned
        var products = await sim.ProductsAsync();
        foreach (var end in new[] { SeedIds.SydneyPrimary, SeedIds.SydneySecondary })
            Assert.Contains(products.First(p => p!["productUid"]!.GetValue<string>() == end)!["associatedVxcs"]!.AsArray(),
                v => v!["productUid"]!.GetValue<string>() == uid);

        // The auto-assigned VLAN is now taken.
        var detail = await sim.BothFail(Orders.Vxc(SeedIds.SydneySecondary, SeedIds.SydneyPrimary, aVlan: bVlan));
        Assert.Contains($"aEnd.vlan {bVlan} is already in use", detail);
    }

    [Fact]
    public async Task Aws_vxc_renders_csp_connection()
    {
        await using var sim = await TestSim.StartAsync();
        var data = await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, Orders.AwsSydneyRed, rate: 500, aVlan: 901, bConfig: Orders.Aws()));
        var vxc = await sim.ProductAsync(data[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>());
        var csp = vxc["resources"]!["csp_connection"]!;
        Assert.Equal("AWS", csp["connectType"]!.GetValue<string>());
        Assert.Equal("123456789012", csp["ownerAccount"]!.GetValue<string>());
        Assert.Equal("LIVE", vxc["provisioningStatus"]!.GetValue<string>()); // delay 0: LIVE on first read
    }

    [Fact]
    public async Task Azure_key_picks_primary_then_secondary()
    {
        await using var sim = await TestSim.StartAsync();
        var config = new JsonObject
        {
            ["connectType"] = "AZURE", ["serviceKey"] = SeedIds.AzureSydneyKey,
            ["peers"] = new JsonArray(new JsonObject { ["type"] = "private", ["peer_asn"] = "65000", ["vlan"] = 200 }),
        };
        var first = await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, null, name: "az-1", rate: 500, bConfig: config.DeepClone().AsObject()));
        var second = await sim.BuyOk(Orders.Vxc(SeedIds.SydneySecondary, null, name: "az-2", rate: 500, bConfig: config.DeepClone().AsObject()));
        var v1 = await sim.ProductAsync(first[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>());
        var v2 = await sim.ProductAsync(second[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>());
        Assert.Equal(SeedPartners.Uid("AZURE", "Sydney", "red"), v1["bEnd"]!["productUid"]!.GetValue<string>());
        Assert.Equal(SeedPartners.Uid("AZURE", "Sydney", "blue"), v2["bEnd"]!["productUid"]!.GetValue<string>());
        Assert.Equal(SeedIds.AzureSydneyKey, v1["resources"]!["csp_connection"]!["service_key"]!.GetValue<string>());
        var lookup = await sim.GetDataAsync("/v2/secure/azure/" + SeedIds.AzureSydneyKey);
        Assert.All(lookup["megaports"]!.AsArray(), m => Assert.Equal(1, m!["vxc"]!.GetValue<int>()));
        Assert.Contains("no free port", await sim.BothFail(Orders.Vxc(SeedIds.MelbourneCore, null, name: "az-3", bConfig: config.DeepClone().AsObject())));
    }

    [Fact]
    public async Task Google_oracle_ibm_transit_and_mcr_vrouter_orders_work()
    {
        await using var sim = await TestSim.StartAsync();
        var vrouter = new JsonObject
        {
            ["interfaces"] = new JsonArray(new JsonObject
            {
                ["ipAddresses"] = new JsonArray("10.0.0.1/30"),
                ["bgpConnections"] = new JsonArray(new JsonObject
                {
                    ["peerAsn"] = 16550, ["localIpAddress"] = "10.0.0.1", ["peerIpAddress"] = "10.0.0.2", ["shutdown"] = false, ["bfdEnabled"] = false,
                }),
            }),
        };
        var data = await sim.BuyOk(
            Orders.Vxc(SeedIds.SydneyMcr, null, name: "gcp", rate: 1000, aConfig: vrouter,
                bConfig: new JsonObject { ["connectType"] = "GOOGLE", ["pairingKey"] = SeedIds.GoogleSydneyPairingKey }),
            Orders.Vxc(SeedIds.SydneyPrimary, null, name: "oci", rate: 1000,
                bConfig: new JsonObject { ["connectType"] = "ORACLE", ["virtualCircuitId"] = SeedIds.OracleSydneyOcid }),
            Orders.Vxc(SeedIds.SydneyPrimary, SeedPartners.Uid("IBM", "Sydney", "any"), name: "ibm", rate: 1000,
                bConfig: new JsonObject { ["connectType"] = "IBM", ["account_id"] = "0123456789abcdef0123456789abcdef", ["customer_asn"] = 64999, ["name"] = "demo_link" }),
            Orders.Vxc(SeedIds.SydneySecondary, SeedPartners.Uid("TRANSIT", "Sydney", "blue"), name: "internet", rate: 1000,
                bConfig: new JsonObject { ["connectType"] = "TRANSIT" }));
        Assert.Equal(4, data.Count);
        var gcp = await sim.ProductAsync(data[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>());
        var csps = gcp["resources"]!["csp_connection"]!.AsArray(); // VROUTER + GOOGLE
        Assert.Contains(csps, c => c!["connectType"]!.GetValue<string>() == "VROUTER");
        Assert.Contains(csps, c => c!["connectType"]!.GetValue<string>() == "GOOGLE");
        Assert.Equal(SeedPartners.Uid("GOOGLE", "Sydney", "blue"), gcp["bEnd"]!["productUid"]!.GetValue<string>());
        var oci = await sim.ProductAsync(data[1]!["vxcJTechnicalServiceUid"]!.GetValue<string>());
        Assert.Equal("ORACLE", oci["resources"]!["csp_connection"]!["connectType"]!.GetValue<string>());
        var transit = await sim.ProductAsync(data[3]!["vxcJTechnicalServiceUid"]!.GetValue<string>());
        Assert.NotNull(transit["resources"]!["csp_connection"]!["ipv4_gateway_address"]);
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
