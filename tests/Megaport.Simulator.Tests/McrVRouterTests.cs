using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;
using static Megaport.Simulator.Tests.Mcr;

namespace Megaport.Simulator.Tests;

/// <summary>vRouter (MCR) interface configs on VXC ends, and the MCR's ASN while VXCs are attached.</summary>
public class McrVRouterTests
{
    private const string M = SeedIds.SydneyMcr;
    private const string Azure = SeedIds.VxcMcrAzure;

    public static TheoryData<string, string> Rules => new()
    {
        { "noPrefixLength", "interfaces[0].ipAddresses '169.254.10.1' is not an address with prefix length" },
        { "longPrefix", "interfaces[0].ipAddresses '169.254.10.1/33' is not an address with prefix length" },
        { "shortIpv4", "interfaces[0].ipAddresses '169.254/30' is not an address with prefix length" },
        { "localNotOnInterface", "bgpConnections[0].localIpAddress 169.254.10.5 is not one of the interface's ipAddresses (169.254.10.1)" },
        { "noLocal", "bgpConnections[0].localIpAddress is required" },
        { "badPeer", "bgpConnections[0].peerIpAddress 'peer' is not an IP address" },
        { "peerFamily", "bgpConnections[0].peerIpAddress 2001:db8::2 is not IPv4 like the localIpAddress 169.254.10.1" },
        { "noPeerAsn", "bgpConnections[0].peerAsn is required" },
        { "localAsn", "bgpConnections[0].localAsn 4294967296 is invalid" },
        { "unknownList", $"bgpConnections[0].importWhitelist 9999 is not a prefix list of MCR Sydney MCR ({SeedIds.SydneyMcr})" },
        { "prepend", "bgpConnections[0].asPathPrependCount 11 is invalid (0-10)" },
        { "peerType", "bgpConnections[0].peerType 'CLOUD' is invalid (NON_CLOUD, PRIV_CLOUD, PUB_CLOUD)" },
        { "exportPolicy", "bgpConnections[0].exportPolicy 'allow' is invalid: use permit or deny" },
        { "permitExportTo", "bgpConnections[0].permitExportTo '10.0.0.0/8' is not an IP address" },
        { "medIn", "bgpConnections[0].medIn -1 is invalid" },
        { "shutdownText", "bgpConnections[0].shutdown must be true or false" },
        { "routePrefix", "interfaces[0].ipRoutes[0].prefix '10.1.0.0' is not a CIDR prefix" },
        { "routeHop", "interfaces[0].ipRoutes[0].nextHop is required" },
        { "routeFamily", "interfaces[0].ipRoutes[0].nextHop 169.254.10.2 is not IPv6 like the prefix 2001:db8:1::/48" },
        { "nat", "interfaces[0].natIpAddresses '203.0.113.0/24' is not an IP address" },
        { "vlan", "interfaces[0].vlan 4094 is invalid (2-4093)" },
        { "mtu", "interfaces[0].ipMtu 10000 is invalid (68-9074)" },
        { "bfd", "interfaces[0].bfd.multiplier 2 is invalid (3-20)" },
        { "interfaceType", "interfaces[0].interfaceType 'vlan' is invalid" },
        { "connectType", "aEnd.partnerConfig.connectType AWS is not valid here" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Interface_and_bgp_rules(string rule, string expected)
    {
        await using var sim = await TestSim.StartAsync();
        var config = Bgp(session: b =>
        {
            switch (rule)
            {
                case "localNotOnInterface": b["localIpAddress"] = "169.254.10.5"; break;
                case "noLocal": b.Remove("localIpAddress"); break;
                case "badPeer": b["peerIpAddress"] = "peer"; break;
                case "peerFamily": b["peerIpAddress"] = "2001:db8::2"; break;
                case "noPeerAsn": b.Remove("peerAsn"); break;
                case "localAsn": b["localAsn"] = 4294967296; break;
                case "unknownList": b["importWhitelist"] = 9999; break;
                case "prepend": b["asPathPrependCount"] = 11; break;
                case "peerType": b["peerType"] = "CLOUD"; break;
                case "exportPolicy": b["exportPolicy"] = "allow"; break;
                case "permitExportTo": b["permitExportTo"] = new JsonArray("10.0.0.0/8"); break;
                case "medIn": b["medIn"] = -1; break;
                case "shutdownText": b["shutdown"] = "no"; break;
            }
        }, iface: i =>
        {
            switch (rule)
            {
                case "noPrefixLength": i["ipAddresses"] = new JsonArray("169.254.10.1"); break;
                case "longPrefix": i["ipAddresses"] = new JsonArray("169.254.10.1/33"); break;
                case "shortIpv4": i["ipAddresses"] = new JsonArray("169.254/30"); break;
                case "routePrefix": i["ipRoutes"] = new JsonArray(new JsonObject { ["prefix"] = "10.1.0.0", ["nextHop"] = "169.254.10.2" }); break;
                case "routeHop": i["ipRoutes"] = new JsonArray(new JsonObject { ["prefix"] = "10.1.0.0/16" }); break;
                case "routeFamily": i["ipRoutes"] = new JsonArray(new JsonObject { ["prefix"] = "2001:db8:1::/48", ["nextHop"] = "169.254.10.2" }); break;
                case "nat": i["natIpAddresses"] = new JsonArray("203.0.113.0/24"); break;
                case "vlan": i["vlan"] = 4094; break;
                case "mtu": i["ipMtu"] = 10000; break;
                case "bfd": i["bfd"] = new JsonObject { ["txInterval"] = 300, ["rxInterval"] = 300, ["multiplier"] = 2 }; break;
                case "interfaceType": i["interfaceType"] = "vlan"; break;
            }
        });
        if (rule == "connectType") config["connectType"] = "AWS";
        Assert.Contains(expected, await sim.BothFail(Orders.Vxc(M, SeedIds.SydneySecondary, name: "v", aConfig: config)));
    }

    [Fact]
    public async Task A_full_config_is_stored_and_echoed_on_both_mcr_ends()
    {
        await using var sim = await TestSim.StartAsync();
        var b = (await sim.BuyOk(Orders.Mcr("b-mcr")))[0]!["technicalServiceUid"]!.GetValue<string>();
        var v6 = await sim.CreateListAsync(b, PrefixList("v6 out", "IPv6", Entry("permit", "2001:db8:100::/40", 48, 64)));
        var aConfig = Bgp("10.50.0.1/30", "10.50.0.2", s =>
        {
            s["localAsn"] = 65100; s["password"] = "bgp-secret"; s["description"] = "to b"; s["medIn"] = 10; s["medOut"] = 20;
            s["bfdEnabled"] = true; s["exportPolicy"] = "deny"; s["permitExportTo"] = new JsonArray("10.50.0.2");
            s["denyExportTo"] = new JsonArray("10.60.0.2"); s["importWhitelist"] = SeedIds.SydneyMcrPrefixList; s["asPathPrependCount"] = 2;
            s["peerType"] = "PRIV_CLOUD"; s["asOverride"] = true;
        }, i =>
        {
            i["description"] = "to b-mcr"; i["vlan"] = 2000; i["ipMtu"] = 9000;
            i["ipRoutes"] = new JsonArray(new JsonObject { ["prefix"] = "10.70.0.0/16", ["nextHop"] = "10.50.0.2", ["description"] = "static" });
            i["natIpAddresses"] = new JsonArray("203.0.113.10");
            i["bfd"] = new JsonObject { ["txInterval"] = 500, ["rxInterval"] = 500, ["multiplier"] = 5 };
        });
        var bConfig = Bgp("2001:db8:50::2/64", "2001:db8:50::1", s => s["exportWhitelist"] = v6);
        var vxc = await sim.BuyVxcAsync(Orders.Vxc(M, b, name: "mcr-to-mcr", aConfig: aConfig, bConfig: bConfig));
        var ignored = (await sim.Http.GetFromJsonNode("/_simulator/requests")).AsArray()
            .Last(r => r!["path"]!.GetValue<string>() == "/v4/networkdesign/buy")!["ignoredFields"]!.AsArray();
        Assert.Empty(ignored);

        var csps = (await sim.ProductAsync(vxc))["resources"]!["csp_connection"]!.AsArray();
        var a = csps.Single(c => c!["resource_name"]!.GetValue<string>() == "a_csp_connection")!;
        var i0 = a["interfaces"]![0]!;
        Assert.Equal("to b-mcr", i0["description"]!.GetValue<string>());
        Assert.Equal("subInterface", i0["interfaceType"]!.GetValue<string>());
        Assert.Equal(2000, i0["vlan"]!.GetValue<int>());
        Assert.Equal(9000, i0["ipMtu"]!.GetValue<int>());
        Assert.Equal(5, i0["bfd"]!["multiplier"]!.GetValue<int>());
        Assert.Equal("10.70.0.0/16", i0["ipRoutes"]![0]!["prefix"]!.GetValue<string>());
        Assert.Equal(SeedIds.SydneyMcrPrefixList, i0["bgpConnections"]![0]!["importWhitelist"]!.GetValue<int>());
        Assert.True(i0["bgpConnections"]![0]!["asOverride"]!.GetValue<bool>());
        var bEnd = csps.Single(c => c!["resource_name"]!.GetValue<string>() == "b_csp_connection")!;
        Assert.Equal("2001:db8:50::2/64", bEnd["interfaces"]![0]!["ipAddresses"]![0]!.GetValue<string>());
        Assert.Equal(["2001:db8:50::2/64"], bEnd["ip_addresses"]!.AsArray().Select(x => x!.GetValue<string>()));
    }

    [Fact]
    public async Task Prefix_lists_are_the_mcr_own_and_of_the_session_family()
    {
        await using var sim = await TestSim.StartAsync();
        var b = (await sim.BuyOk(Orders.Mcr("b-mcr")))[0]!["technicalServiceUid"]!.GetValue<string>();
        var v6 = await sim.CreateListAsync(M, PrefixList("v6", "IPv6"));
        Assert.Contains($"bgpConnections[0].exportBlacklist {v6} (v6) is an IPv6 list, but the session is IPv4",
            await sim.BothFail(Orders.Vxc(M, SeedIds.SydneySecondary, aConfig: Bgp(session: s => s["exportBlacklist"] = v6))));
        // Sydney MCR's list 1001 is not the B-End MCR's.
        Assert.Contains($"bEnd.partnerConfig.interfaces[0].bgpConnections[0].importBlacklist 1001 is not a prefix list of MCR b-mcr ({b})",
            await sim.BothFail(Orders.Vxc(SeedIds.SydneyPrimary, b, bConfig: Bgp(session: s => s["importBlacklist"] = SeedIds.SydneyMcrPrefixList))));
        // 0 means no list, as the SDK leaves it out.
        await sim.BuyVxcAsync(Orders.Vxc(M, SeedIds.SydneySecondary, aConfig: Bgp(session: s => s["importBlacklist"] = 0)));
    }

    [Fact]
    public async Task A_vxc_update_replaces_an_end_config_only_when_both_are_valid()
    {
        await using var sim = await TestSim.StartAsync();
        var b = (await sim.BuyOk(Orders.Mcr("b-mcr")))[0]!["technicalServiceUid"]!.GetValue<string>();
        var vxc = await sim.BuyVxcAsync(Orders.Vxc(M, b, aConfig: Bgp(), bConfig: Bgp("169.254.10.2/30", "169.254.10.1")));
        var path = $"/v3/product/vxc/{vxc}";
        var update = new JsonObject { ["aEndConfig"] = Bgp("10.1.1.1/30", "10.1.1.2"), ["bEndConfig"] = Bgp(session: s => s["peerAsn"] = 0) };
        Assert.Contains("bEndConfig.interfaces[0].bgpConnections[0].peerAsn is required", await sim.Fails(HttpMethod.Put, path, update));
        async Task<string> AIp() =>
            (await sim.ProductAsync(vxc))["resources"]!["csp_connection"]![0]!["interfaces"]![0]!["ipAddresses"]![0]!.GetValue<string>();
        Assert.Equal("169.254.10.1/30", await AIp());

        update["bEndConfig"] = Bgp("10.1.1.2/30", "10.1.1.1");
        var (status, json) = await sim.PutAsync(path, update.ToJsonString());
        Assert.True(status == 200, json?.ToJsonString());
        Assert.Equal("10.1.1.1/30", await AIp());
        Assert.Contains("aEndConfig.interfaces[0].bgpConnections[0].localIpAddress 10.9.9.9 is not one of the interface's ipAddresses",
            await sim.Fails(HttpMethod.Put, path, new JsonObject { ["aEndConfig"] = Bgp(session: s => s["localIpAddress"] = "10.9.9.9") }));
        Assert.Contains("aEndConfig is only allowed when the A-End is an MCR",
            await sim.Fails(HttpMethod.Put, $"/v3/product/vxc/{SeedIds.VxcPortToPort}", new JsonObject { ["aEndConfig"] = Bgp() }));
    }

    [Fact]
    public async Task The_asn_cannot_change_while_vxcs_are_attached()
    {
        await using var sim = await TestSim.StartAsync();
        var path = $"/v2/product/mcr2/{M}";
        var (status, json) = await sim.PutAsync(path, new { asn = 65000, name = "renamed" });
        Assert.Equal(400, status);
        Assert.Equal("Cannot update ASN while VXCs are attached to this MCR. Please remove all VXC connections before changing the ASN.",
            json!["message"]!.GetValue<string>());
        Assert.Contains($"Sydney MCR to Azure ({Azure})", json["data"]!.GetValue<string>());
        var mcr = await sim.ProductAsync(M);
        Assert.Equal("Sydney MCR", mcr["productName"]!.GetValue<string>()); // nothing of a refused update applies
        Assert.Equal(133937, mcr["resources"]!["virtual_router"]!["mcrAsn"]!.GetValue<long>());

        // Sending the current ASN is no change.
        Assert.Equal(200, (await sim.PutAsync(path, new { asn = 133937, name = "renamed" })).Status);
        Assert.Equal("renamed", (await sim.ProductAsync(M))["productName"]!.GetValue<string>());

        // A cancelled VXC is not attached any more (nor a decommissioned one).
        Assert.Equal(200, (await sim.PostAsync($"/v3/product/{Azure}/action/CANCEL", null)).Status);
        Assert.Equal(200, (await sim.PutAsync(path, new { asn = 65000 })).Status);
        Assert.Equal(65000, (await sim.ProductAsync(M))["resources"]!["virtual_router"]!["mcrAsn"]!.GetValue<long>());
        Assert.Equal(200, (await sim.PostAsync($"/v3/product/{Azure}/action/UN_CANCEL", null)).Status);
        Assert.StartsWith("Cannot update ASN while VXCs are attached", await sim.Fails(HttpMethod.Put, path, new { asn = 65001 }));
    }
}
