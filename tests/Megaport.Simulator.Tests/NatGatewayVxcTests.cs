using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>
/// A VXC whose A-End is a NAT gateway: the order and the VXC PUT run the same checks on its interfaces (packet filters of
/// that gateway, no natIpAddresses, prefix lists of that gateway), and the VXC shows its packet filters.
/// </summary>
[Collection("NAT gateways")]
public class NatGatewayVxcTests
{
    private const string Nat = SeedIds.SydneyNatGateway;
    private const int PermitHttps = 1;    // the seed gateway's packet filter
    private const int PrivateV4 = 2;      // and its prefix list

    private static JsonObject Config(Action<JsonObject>? change = null, Action<JsonObject>? session = null)
    {
        var bgp = new JsonObject { ["peerAsn"] = 65001, ["localIpAddress"] = "10.9.0.1", ["peerIpAddress"] = "10.9.0.2", ["shutdown"] = false };
        session?.Invoke(bgp);
        var i = new JsonObject
        {
            ["ipAddresses"] = new JsonArray("10.9.0.1/30"),
            ["bgpConnections"] = new JsonArray(bgp),
            ["packetFilterIn"] = PermitHttps,
        };
        change?.Invoke(i);
        return new JsonObject { ["interfaces"] = new JsonArray(i) };
    }

    private static JsonObject Order(JsonObject config) => Orders.Vxc(Nat, SeedIds.SydneySecondary, name: "nat-vxc", aConfig: config);

    private static JsonNode AInterface(JsonNode vxc)
    {
        var csp = vxc["resources"]!["csp_connection"]!;
        var a = csp is JsonArray arr ? arr.First(c => c!["resource_name"]!.GetValue<string>() == "a_csp_connection")! : csp;
        return a["interfaces"]![0]!;
    }

    [Fact]
    public async Task An_order_takes_the_gateways_filters_and_prefix_lists_and_the_vxc_shows_the_filters()
    {
        await using var sim = await TestSim.StartAsync();
        var config = Config(i => i["packetFilterOut"] = PermitHttps, s => { s["importWhitelist"] = PrivateV4; s["exportBlacklist"] = PrivateV4; });
        var vxc = await sim.ProductAsync(await sim.BuyVxcAsync(Order(config)));
        var i = AInterface(vxc);
        Assert.Equal(PermitHttps, i["packetFilterIn"]!.GetValue<long>());
        Assert.Equal(PermitHttps, i["packetFilterOut"]!.GetValue<long>());
        Assert.Equal(PrivateV4, i["bgpConnections"]![0]!["importWhitelist"]!.GetValue<int>());
        Assert.Equal("VROUTER", vxc["resources"]!["csp_connection"]!["connectType"]!.GetValue<string>());
        // An interface without filters shows none.
        var plain = await sim.ProductAsync(await sim.BuyVxcAsync(Order(Config(i => i.Remove("packetFilterIn")))));
        Assert.Null(AInterface(plain)["packetFilterIn"]);
    }

    [Theory]
    [InlineData("nat", "aEnd.partnerConfig.interfaces[0].natIpAddresses is not allowed on a NAT gateway end: the gateway manages its NAT addresses")]
    [InlineData("unknown filter", "aEnd.partnerConfig.interfaces[0].packetFilterIn 42 is not a packet filter of NAT gateway Sydney NAT Gateway (" + Nat + ")")]
    [InlineData("filter by name", "aEnd.partnerConfig.interfaces[0].packetFilterIn must be a whole number")]
    [InlineData("mcr list", "aEnd.partnerConfig.interfaces[0].bgpConnections[0].importWhitelist 1001 is not a prefix list of NAT gateway Sydney NAT Gateway (" + Nat + ")")]
    [InlineData("v6 session on a v4 list", "aEnd.partnerConfig.interfaces[0].bgpConnections[0].exportWhitelist 2 (private-v4) is an IPv4 list, but the session is IPv6")]
    public async Task An_order_is_refused_what_a_nat_gateway_end_cannot_take(string @case, string detail)
    {
        await using var sim = await TestSim.StartAsync();
        var config = @case switch
        {
            "nat" => Config(i => i["natIpAddresses"] = new JsonArray("203.0.113.9")),
            "unknown filter" => Config(i => i["packetFilterIn"] = 42),
            "filter by name" => Config(i => i["packetFilterIn"] = "permit-https"),
            "mcr list" => Config(session: s => s["importWhitelist"] = SeedIds.SydneyMcrPrefixList),
            "v6 session on a v4 list" => Config(i => i["ipAddresses"] = new JsonArray("2001:db8:9::1/64"), s =>
            {
                s["localIpAddress"] = "2001:db8:9::1";
                s["peerIpAddress"] = "2001:db8:9::2";
                s["exportWhitelist"] = PrivateV4;
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };
        Assert.Equal("Item 1 (nat-vxc): " + detail, await sim.BothFail(Order(config)));
    }

    [Fact]
    public async Task An_mcr_end_has_no_packet_filters()
    {
        await using var sim = await TestSim.StartAsync();
        var config = Config(i => i.Remove("bgpConnections"));
        var order = Orders.Vxc(SeedIds.SydneyMcr, SeedIds.SydneySecondary, name: "mcr-vxc", aConfig: config);
        Assert.Equal("Item 1 (mcr-vxc): aEnd.partnerConfig.interfaces[0].packetFilterIn is only allowed on a NAT gateway end: MCR Sydney MCR has no packet filters",
            await sim.BothFail(order));
    }

    [Fact]
    public async Task A_vxc_put_runs_the_same_checks_on_the_nat_gateway_end()
    {
        await using var sim = await TestSim.StartAsync();
        var path = "/v3/product/vxc/" + SeedIds.VxcNatToPrimary;
        Assert.Contains("aEndConfig.interfaces[0].natIpAddresses is not allowed on a NAT gateway end",
            await sim.Fails(HttpMethod.Put, path, new JsonObject { ["aEndConfig"] = Config(i => i["natIpAddresses"] = new JsonArray("203.0.113.9")) }));
        Assert.Contains("aEndConfig.interfaces[0].packetFilterIn 7 is not a packet filter of NAT gateway Sydney NAT Gateway",
            await sim.Fails(HttpMethod.Put, path, new JsonObject { ["aEndConfig"] = Config(i => i["packetFilterIn"] = 7) }));
        Assert.Contains("importBlacklist 1001 is not a prefix list of NAT gateway Sydney NAT Gateway",
            await sim.Fails(HttpMethod.Put, path, new JsonObject { ["aEndConfig"] = Config(session: s => s["importBlacklist"] = SeedIds.SydneyMcrPrefixList) }));
        // Nothing of a refused change applies.
        Assert.Equal("10.0.0.1/30", AInterface(await sim.ProductAsync(SeedIds.VxcNatToPrimary))["ipAddresses"]![0]!.GetValue<string>());

        var (status, json) = await sim.PutAsync(path, new JsonObject { ["aEndConfig"] = Config(i => i["packetFilterOut"] = PermitHttps, s => s["importWhitelist"] = PrivateV4) }.ToJsonString());
        Assert.True(status == 200, json?.ToJsonString());
        var i = AInterface(await sim.ProductAsync(SeedIds.VxcNatToPrimary));
        Assert.Equal("10.9.0.1/30", i["ipAddresses"]![0]!.GetValue<string>());
        Assert.Equal(PermitHttps, i["packetFilterOut"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_gateways_prefix_list_that_a_bgp_session_names_cannot_be_deleted()
    {
        await using var sim = await TestSim.StartAsync();
        var vxc = await sim.BuyVxcAsync(Order(Config(session: s => s["importWhitelist"] = PrivateV4)));
        var list = $"/v3/products/nat_gateways/{Nat}/prefix_lists/{PrivateV4}";
        var refusal = await sim.Fails(HttpMethod.Delete, list);
        Assert.StartsWith($"Prefix list {PrivateV4} is in use and cannot be deleted", refusal);
        Assert.Contains($"the BGP session to 10.9.0.2 (importWhitelist) on VXC nat-vxc ({vxc})", refusal);
        await sim.CancelNowAsync(vxc);
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Delete, list)).Status);
    }

    [Fact]
    public async Task Ge_and_le_travel_in_each_owners_form_and_come_back_as_text()
    {
        await using var sim = await TestSim.StartAsync();
        static JsonObject List(string name, JsonNode ge, JsonNode le) => new()
        {
            ["description"] = name, ["addressFamily"] = "IPv4",
            ["entries"] = new JsonArray(new JsonObject { ["action"] = "permit", ["prefix"] = "10.0.0.0/8", ["ge"] = ge, ["le"] = le }),
        };
        // An MCR takes numbers (and numeric text); a NAT gateway text (and numbers), as the API's binder coerces them.
        foreach (var (path, body) in new[]
        {
            ($"/v2/product/mcr2/{SeedIds.SydneyMcr}/prefixList", List("mcr-numbers", 16, 24)),
            ($"/v2/product/mcr2/{SeedIds.SydneyMcr}/prefixList", List("mcr-text", "16", "24")),
            ($"/v3/products/nat_gateways/{Nat}/prefix_lists", List("nat-text", "16", "24")),
            ($"/v3/products/nat_gateways/{Nat}/prefix_lists", List("nat-numbers", 16, 24)),
        })
        {
            var (status, json) = await sim.PostAsync(path, body.ToJsonString());
            Assert.True(status == 200, json?.ToJsonString());
            var entry = json!["data"]!["entries"]![0]!;
            Assert.Equal("16", entry["ge"]!.GetValue<string>());
            Assert.Equal("24", entry["le"]!.GetValue<string>());
        }
        Assert.Contains("entries[0].ge must be a whole number",
            await sim.Fails(HttpMethod.Post, $"/v2/product/mcr2/{SeedIds.SydneyMcr}/prefixList", List("bad", "sixteen", 24)));
        Assert.Contains("entries[0].ge 'sixteen' is not a prefix length",
            await sim.Fails(HttpMethod.Post, $"/v3/products/nat_gateways/{Nat}/prefix_lists", List("bad", "sixteen", "24")));
    }
}
