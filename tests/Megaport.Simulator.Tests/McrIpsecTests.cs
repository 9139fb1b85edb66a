using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;
using static Megaport.Simulator.Tests.Mcr;

namespace Megaport.Simulator.Tests;

public class McrIpsecTests
{
    private const string M = SeedIds.SydneyMcr;
    private static string AddOn(string mcr, string? addOnUid = null) => $"/v3/product/{mcr}/addon" + (addOnUid is null ? "" : "/" + addOnUid);
    private static string Ipsec(string mcr) => $"/v3/products/mcrs/{mcr}/ipsec";

    private static async Task<string> StatusOf(TestSim sim, string uid) =>
        (await sim.ProductAsync(uid))["provisioningStatus"]!.GetValue<string>();

    [Fact]
    public async Task Adding_changing_and_removing_the_addon_reprovisions_the_mcr()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 1000, clock);
        var (status, json) = await sim.PostAsync(AddOn(M), new { addOnType = "IP_SEC", tunnelCount = 10 });
        Assert.True(status == 200, json?.ToJsonString());
        var addOnUid = json!["data"]!["addOnUid"]!.GetValue<string>();
        Assert.Equal(M, json["data"]!["productUid"]!.GetValue<string>());
        Assert.Equal(10, json["data"]!["tunnelCount"]!.GetValue<int>());

        var mcr = await sim.ProductAsync(M);
        Assert.Equal("CONFIGURED", mcr["provisioningStatus"]!.GetValue<string>());
        var addOns = mcr["addOns"]!.AsArray();
        Assert.Equal(addOnUid, addOns.Single()!["addOnUid"]!.GetValue<string>());
        Assert.Equal("IP_SEC", addOns[0]!["addOnType"]!.GetValue<string>());
        Assert.Equal(10, addOns[0]!["tunnelCount"]!.GetValue<int>());
        Assert.Equal(1, addOns[0]!["packCount"]!.GetValue<int>());
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal("CONFIGURED", await StatusOf(sim, M));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("LIVE", await StatusOf(sim, M));
        Assert.Equal(10, (await sim.GetDataAsync(Ipsec(M)))["maxTunnelCountLimit"]!.GetValue<int>());

        (status, json) = await sim.PutAsync(AddOn(M, addOnUid), new { addOnType = "IP_SEC", tunnelCount = 30 });
        Assert.True(status == 200, json?.ToJsonString());
        Assert.Equal("CONFIGURED", await StatusOf(sim, M));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(30, (await sim.ProductAsync(M))["addOns"]![0]!["tunnelCount"]!.GetValue<int>());
        Assert.Equal("LIVE", await StatusOf(sim, M));

        // The same count again changes nothing and does not re-provision.
        Assert.Equal(200, (await sim.PutAsync(AddOn(M, addOnUid), new { addOnType = "IP_SEC", tunnelCount = 30 })).Status);
        Assert.Equal("LIVE", await StatusOf(sim, M));

        Assert.Equal(200, (await sim.PutAsync(AddOn(M, addOnUid), new { addOnType = "IP_SEC", tunnelCount = 0 })).Status);
        Assert.Empty((await sim.ProductAsync(M))["addOns"]!.AsArray());
        Assert.Equal(0, (await sim.GetDataAsync(Ipsec(M)))["maxTunnelCountLimit"]!.GetValue<int>());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("LIVE", await StatusOf(sim, M));
        Assert.StartsWith($"Could not find add-on {addOnUid}", await sim.Fails(HttpMethod.Put, AddOn(M, addOnUid), new { addOnType = "IP_SEC", tunnelCount = 10 }));
        await sim.AddIpsecAsync(M, 20); // a new one can be added again
        Assert.NotEqual(addOnUid, await sim.AddOnUidAsync(M));
    }

    [Fact]
    public async Task Addon_rules()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Contains("tunnelCount 15 is invalid", await sim.Fails(HttpMethod.Post, AddOn(M), new { addOnType = "IP_SEC", tunnelCount = 15 }));
        Assert.Contains("tunnelCount 0 is invalid", await sim.Fails(HttpMethod.Post, AddOn(M), new { addOnType = "IP_SEC", tunnelCount = 0 }));
        Assert.Contains("tunnelCount is required", await sim.Fails(HttpMethod.Post, AddOn(M), new { addOnType = "IP_SEC" }));
        Assert.Contains("addOnType 'CROSS_CONNECT' is not supported", await sim.Fails(HttpMethod.Post, AddOn(M), new { addOnType = "CROSS_CONNECT", tunnelCount = 10 }));
        Assert.Contains("addOnType is required", await sim.Fails(HttpMethod.Post, AddOn(M), new { tunnelCount = 10 }));
        Assert.Contains("IP_SEC add-ons are for MCRs", await sim.Fails(HttpMethod.Post, AddOn(SeedIds.SydneyPrimary), new { addOnType = "IP_SEC", tunnelCount = 10 }));
        Assert.StartsWith("Could not find a service with UID", await sim.Fails(HttpMethod.Post, AddOn("00000000-0000-0000-0000-000000000000"), new { addOnType = "IP_SEC", tunnelCount = 10 }));

        await sim.AddIpsecAsync(M);
        var uid = await sim.AddOnUidAsync(M);
        Assert.Contains($"already has an IPsec add-on ({uid})", await sim.Fails(HttpMethod.Post, AddOn(M), new { addOnType = "IP_SEC", tunnelCount = 20 }));
        Assert.Contains("tunnelCount 25 is invalid: use 0 (remove), 10, 20 or 30", await sim.Fails(HttpMethod.Put, AddOn(M, uid), new { addOnType = "IP_SEC", tunnelCount = 25 }));
        Assert.Contains("tunnelCount is required", await sim.Fails(HttpMethod.Put, AddOn(M, uid), new { addOnType = "IP_SEC" }));

        Assert.Equal(200, (await sim.PostAsync($"/v2/product/{M}/lock", null)).Status);
        Assert.StartsWith("Service locked", await sim.Fails(HttpMethod.Put, AddOn(M, uid), new { addOnType = "IP_SEC", tunnelCount = 20 }));
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Delete, $"/v2/product/{M}/lock")).Status);
        await sim.CancelNowAsync(M);
        Assert.Contains("is DECOMMISSIONED and cannot be changed", await sim.Fails(HttpMethod.Put, AddOn(M, uid), new { addOnType = "IP_SEC", tunnelCount = 20 }));
        // An MCR ordered with one IPsec add-on only.
        var twice = Orders.Mcr(tunnels: 10);
        twice["addOns"]!.AsArray().Add(new JsonObject { ["addOnType"] = "IP_SEC", ["tunnelCount"] = 10 });
        Assert.Contains("an MCR has at most one IP_SEC add-on", await sim.BothFail(twice));
    }

    [Fact]
    public async Task Tunnels_need_the_addon_show_in_the_ipsec_read_without_keys_and_keep_the_addon()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Contains($"MCR Sydney MCR ({M}) has no IPsec add-on", await sim.BothFail(IpsecVxc(M, 1)));
        await sim.AddIpsecAsync(M, 10);
        var vxc = await sim.BuyVxcAsync(IpsecVxc(M, 2, options: o =>
        {
            o["passive"] = false; o["localId"] = "local.example.com"; o["remoteId"] = "remote.example.com";
            o["phase1Lifetime"] = 28800; o["phase2Lifetime"] = 3600;
        }));

        var (status, json) = await sim.CallAsync(HttpMethod.Get, Ipsec(M));
        Assert.Equal(200, status);
        Assert.DoesNotContain("preSharedKey", json!.ToJsonString());
        Assert.DoesNotContain("notARealKey", json.ToJsonString());
        var data = json["data"]!;
        Assert.Equal(2, data["totalTunnelCount"]!.GetValue<int>());
        Assert.Equal(10, data["maxTunnelCountLimit"]!.GetValue<int>());
        var configured = data["ipSecConfiguredVxcs"]!.AsArray().Single()!;
        Assert.Equal(vxc, configured["productUid"]!.GetValue<string>());
        Assert.Equal("ipsec", configured["name"]!.GetValue<string>());
        var tunnels = configured["tunnels"]!.AsArray();
        Assert.Equal(2, tunnels.Count);
        var t = tunnels[1]!;
        Assert.Equal("tunnel-2", t["description"]!.GetValue<string>());
        Assert.Equal("192.0.2.1", t["sourceIpAddress"]!.GetValue<string>());
        Assert.Equal("198.51.100.2", t["destinationIpAddress"]!.GetValue<string>());
        Assert.Equal("local.example.com", t["localId"]!.GetValue<string>());
        Assert.Equal("remote.example.com", t["remoteId"]!.GetValue<string>());
        var product = await sim.ProductAsync(vxc);
        Assert.Equal(product["aEnd"]!["vlan"]!.GetValue<int>(), t["vlan"]!.GetValue<int>());

        // The VXC itself echoes the whole config, key in clear, as the real API has been seen to.
        var router = product["resources"]!["csp_connection"]!.AsArray().Single(c => c!["connectType"]!.GetValue<string>() == "VROUTER")!;
        var echoed = router["interfaces"]!.AsArray();
        Assert.Equal("subInterface", echoed[0]!["interfaceType"]!.GetValue<string>());
        Assert.Equal("ipSecTunnel", echoed[1]!["interfaceType"]!.GetValue<string>());
        Assert.Equal("notARealKey00000", echoed[1]!["ipSecTunnelOptions"]!["preSharedKey"]!.GetValue<string>());

        var uid = await sim.AddOnUidAsync(M);
        var refusal = await sim.Fails(HttpMethod.Put, AddOn(M, uid), new { addOnType = "IP_SEC", tunnelCount = 0 });
        Assert.StartsWith("Cannot remove the IPsec add-on while IPsec tunnels are still provisioned or deprovisioning", refusal);
        Assert.Contains($"ipsec ({vxc}, LIVE): 2", refusal);
        await sim.CancelNowAsync(vxc);
        Assert.Empty((await sim.GetDataAsync(Ipsec(M)))["ipSecConfiguredVxcs"]!.AsArray());
        Assert.Equal(200, (await sim.PutAsync(AddOn(M, uid), new { addOnType = "IP_SEC", tunnelCount = 0 })).Status);
    }

    [Fact]
    public async Task Tunnels_fit_the_addon_across_vxcs_orders_and_updates()
    {
        await using var sim = await TestSim.StartAsync();
        await sim.AddIpsecAsync(M, 20);
        var first = await sim.BuyVxcAsync(IpsecVxc(M, 8, name: "first"));
        Assert.Contains("5 IPsec tunnel(s) do not fit on MCR Sydney MCR: its add-on allows 20 tunnels and 16 are in use on its other VXCs",
            await sim.BothFail(IpsecVxc(M, 8, name: "second"), IpsecVxc(M, 5, name: "third")));
        var second = await sim.BuyVxcAsync(IpsecVxc(M, 5, name: "second"));
        Assert.Equal(13, (await sim.GetDataAsync(Ipsec(M)))["totalTunnelCount"]!.GetValue<int>());

        var uid = await sim.AddOnUidAsync(M);
        Assert.Contains("tunnelCount 10 is below the 13 IPsec tunnels in use on MCR Sydney MCR",
            await sim.Fails(HttpMethod.Put, AddOn(M, uid), new { addOnType = "IP_SEC", tunnelCount = 10 }));

        // An update replaces the VXC's own tunnels: 15 fit beside the other VXC's 5, 16 do not.
        var path = $"/v3/product/vxc/{first}";
        Assert.Equal(200, (await sim.PutAsync(path, new JsonObject { ["aEndConfig"] = Tunnels(15) }.ToJsonString())).Status);
        Assert.Contains("16 IPsec tunnel(s) do not fit", await sim.Fails(HttpMethod.Put, path, new JsonObject { ["aEndConfig"] = Tunnels(16) }));
        Assert.Equal(20, (await sim.GetDataAsync(Ipsec(M)))["totalTunnelCount"]!.GetValue<int>());
        await sim.CancelNowAsync(second);
        Assert.Equal(200, (await sim.PutAsync(AddOn(M, uid), new { addOnType = "IP_SEC", tunnelCount = 30 })).Status);
        Assert.Equal(30, (await sim.GetDataAsync(Ipsec(M)))["maxTunnelCountLimit"]!.GetValue<int>());
    }

    public static TheoryData<string, string> TunnelRules => new()
    {
        { "notTransit", "an ipSecTunnel interface needs a Megaport Internet (TRANSIT) B-End, and Sydney Secondary is not one" },
        { "noOptions", "aEnd.partnerConfig.interfaces[1].ipSecTunnelOptions is required for an ipSecTunnel interface" },
        { "optionsOnSubInterface", "aEnd.partnerConfig.interfaces[0].ipSecTunnelOptions needs interfaceType ipSecTunnel" },
        { "noKey", "interfaces[1].ipSecTunnelOptions.preSharedKey is required" },
        { "shortKey", "interfaces[1].ipSecTunnelOptions.preSharedKey must be 8-64 characters (got 5)" },
        { "badSource", "interfaces[1].ipSecTunnelOptions.sourceIpAddress '192.0.2' is not an IP address" },
        { "cidrDestination", "interfaces[1].ipSecTunnelOptions.destinationIpAddress '198.51.100.1/32' is not an IP address" },
        { "noDestination", "interfaces[1].ipSecTunnelOptions.destinationIpAddress is required" },
        { "phase1", "interfaces[1].ipSecTunnelOptions.phase1Lifetime 3599 is invalid (3600-604800 seconds)" },
        { "phase2Range", "interfaces[1].ipSecTunnelOptions.phase2Lifetime 90000 is invalid (600-86400 seconds)" },
        { "phase2AbovePhase1", "interfaces[1].ipSecTunnelOptions.phase2Lifetime 7200 must be below phase 1's 7200 seconds" },
        { "phase2AboveDefault", "interfaces[1].ipSecTunnelOptions.phase2Lifetime 30000 must be below phase 1's 28800 seconds" },
        { "badType", "interfaces[1].interfaceType 'ipsec' is invalid (subInterface or ipSecTunnel)" },
        { "passiveText", "interfaces[1].ipSecTunnelOptions.passive must be true or false" },
    };

    [Theory]
    [MemberData(nameof(TunnelRules))]
    public async Task Tunnel_rules(string rule, string expected)
    {
        await using var sim = await TestSim.StartAsync();
        await sim.AddIpsecAsync(M);
        var config = Tunnels(1);
        var tunnel = config["interfaces"]![1]!.AsObject();
        var options = tunnel["ipSecTunnelOptions"]!.AsObject();
        var b = InternetSydneyRed;
        switch (rule)
        {
            case "notTransit": b = SeedIds.SydneySecondary; break;
            case "noOptions": tunnel.Remove("ipSecTunnelOptions"); break;
            case "optionsOnSubInterface": config["interfaces"]![0]!["ipSecTunnelOptions"] = options.DeepClone(); break;
            case "noKey": options.Remove("preSharedKey"); break;
            case "shortKey": options["preSharedKey"] = "short"; break;
            case "badSource": options["sourceIpAddress"] = "192.0.2"; break;
            case "cidrDestination": options["destinationIpAddress"] = "198.51.100.1/32"; break;
            case "noDestination": options.Remove("destinationIpAddress"); break;
            case "phase1": options["phase1Lifetime"] = 3599; break;
            case "phase2Range": options["phase2Lifetime"] = 90000; break;
            case "phase2AbovePhase1": options["phase1Lifetime"] = 7200; options["phase2Lifetime"] = 7200; break;
            case "phase2AboveDefault": options["phase2Lifetime"] = 30000; break;
            case "badType": tunnel["interfaceType"] = "ipsec"; break;
            case "passiveText": options["passive"] = "no"; break;
        }
        Assert.Contains(expected, await sim.BothFail(Orders.Vxc(M, b, name: "t", aConfig: config)));
    }

    [Fact]
    public async Task Tunnel_options_must_be_one_object_and_never_on_a_b_end()
    {
        await using var sim = await TestSim.StartAsync();
        await sim.AddIpsecAsync(M);
        var config = Tunnels(1);
        config["interfaces"]![1]!["ipSecTunnelOptions"] = new JsonArray(config["interfaces"]![1]!["ipSecTunnelOptions"]!.DeepClone());
        var (status, json) = await sim.PostAsync("/v3/networkdesign/validate", Orders.Design(Orders.Vxc(M, InternetSydneyRed, aConfig: config)).ToJsonString());
        Assert.Equal(400, status);
        Assert.Contains("ipSecTunnelOptions must be an object (got an array)", json!["data"]!.GetValue<string>());

        var other = (await sim.BuyOk(Orders.Mcr("b-end-mcr")))[0]!["technicalServiceUid"]!.GetValue<string>();
        await sim.AddIpsecAsync(other);
        Assert.Contains("bEnd.partnerConfig.interfaces[1]: ipSecTunnel interfaces are only allowed on an MCR A-End",
            await sim.BothFail(Orders.Vxc(SeedIds.SydneyPrimary, other, name: "to-mcr", bConfig: Tunnels(1))));
    }

    [Fact]
    public async Task The_ipsec_read_is_for_mcrs()
    {
        await using var sim = await TestSim.StartAsync();
        var empty = await sim.GetDataAsync(Ipsec(M));
        Assert.Empty(empty["ipSecConfiguredVxcs"]!.AsArray());
        Assert.Equal(0, empty["totalTunnelCount"]!.GetValue<int>());
        Assert.StartsWith("Not supported service type", await sim.Fails(HttpMethod.Get, Ipsec(SeedIds.SydneyPrimary)));
        Assert.StartsWith("Could not find a service with UID", await sim.Fails(HttpMethod.Get, Ipsec("00000000-0000-0000-0000-000000000000")));
    }
}
