using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>Ordering VXCs: the rules on both ends, VLANs, partner configs, keys and the buy answer.</summary>
public class VxcOrderTests
{
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
    public async Task Azure_key_picks_primary_then_secondary_and_takes_the_other_spelling()
    {
        await using var sim = await TestSim.StartAsync();
        var config = new JsonObject
        {
            ["connectType"] = "AZURE", ["serviceKey"] = SeedIds.AzureSydneyKey,
            ["peers"] = new JsonArray(new JsonObject { ["type"] = "private", ["peer_asn"] = "65000", ["vlan"] = 200 }),
        };
        var first = await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, null, name: "az-1", rate: 500, bConfig: config.DeepClone().AsObject()));
        // Some clients spell the type AzureExpressRoute; the API takes it as AZURE.
        var otherSpelling = config.DeepClone().AsObject();
        otherSpelling["connectType"] = "AzureExpressRoute";
        var second = await sim.BuyOk(Orders.Vxc(SeedIds.SydneySecondary, null, name: "az-2", rate: 500, bConfig: otherSpelling));
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
}
