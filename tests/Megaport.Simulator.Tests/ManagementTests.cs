using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

public class ManagementTests
{
    private static async Task<string> Fails(TestSim sim, HttpMethod method, string path, object? body)
    {
        var (status, json) = await sim.CallAsync(method, path, body);
        Assert.True(status == 400, $"{method} {path} -> {status}: {json?.ToJsonString()}");
        return json!["message"]!.GetValue<string>() + " " + json["data"]?.ToString();
    }

    [Fact]
    public async Task Modify_port_changes_only_the_fields_sent()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PutAsync($"/v2/product/megaport/{SeedIds.SydneyPrimary}",
            new { name = "Sydney Primary (renamed)", costCentre = "CC-42", marketplaceVisibility = true, term = 24, ProductID = "leaked", ProductType = "megaport" });
        Assert.Equal(200, status);
        Assert.Equal($"Product [{SeedIds.SydneyPrimary}] has been updated", json!["message"]!.GetValue<string>());
        Assert.Equal(SeedIds.SydneyPrimary, json["data"]!["technicalServiceUid"]!.GetValue<string>());
        Assert.Equal("LIVE", json["data"]!["provisioningStatus"]!.GetValue<string>());
        var port = await sim.ProductAsync(SeedIds.SydneyPrimary);
        Assert.Equal("Sydney Primary (renamed)", port["productName"]!.GetValue<string>());
        Assert.Equal("CC-42", port["costCentre"]!.GetValue<string>());
        Assert.True(port["marketplaceVisibility"]!.GetValue<bool>());
        Assert.Equal(24, port["contractTermMonths"]!.GetValue<int>());

        await sim.PutAsync($"/v2/product/megaport/{SeedIds.SydneyPrimary}", new { costCentre = "" });
        port = await sim.ProductAsync(SeedIds.SydneyPrimary);
        Assert.Equal("Sydney Primary (renamed)", port["productName"]!.GetValue<string>());
        Assert.Equal("", port["costCentre"]!.GetValue<string>());
        Assert.Equal(24, port["contractTermMonths"]!.GetValue<int>());
    }

    [Fact]
    public async Task Modify_rules()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Contains("term 13 is invalid", await Fails(sim, HttpMethod.Put, $"/v2/product/megaport/{SeedIds.SydneyPrimary}", new { term = 13 }));
        Assert.Contains("name must be 1-64 characters", await Fails(sim, HttpMethod.Put, $"/v2/product/megaport/{SeedIds.SydneyPrimary}", new { name = new string('x', 65) }));
        Assert.Contains("is a VXC, not a Port", await Fails(sim, HttpMethod.Put, $"/v2/product/megaport/{SeedIds.VxcPortToPort}", new { name = "x" }));
        Assert.Contains("is DECOMMISSIONED and cannot be changed", await Fails(sim, HttpMethod.Put, $"/v2/product/megaport/{SeedIds.DecommissionedPort}", new { name = "x" }));
        Assert.Contains("Could not find a service with UID", await Fails(sim, HttpMethod.Put, "/v2/product/megaport/00000000-0000-0000-0000-000000000000", new { name = "x" }));
    }

    [Fact]
    public async Task Modify_mcr_asn_and_mve_vnics()
    {
        await using var sim = await TestSim.StartAsync();
        // The ASN changes only without VXCs attached (McrTests checks the refusal).
        Assert.Equal(200, (await sim.PostAsync($"/v3/product/{SeedIds.VxcMcrAzure}/action/CANCEL_NOW", null)).Status);
        var (s1, _) = await sim.PutAsync($"/v2/product/mcr2/{SeedIds.SydneyMcr}", new { asn = 64512, name = "MCR renamed" });
        Assert.Equal(200, s1);
        var mcr = await sim.ProductAsync(SeedIds.SydneyMcr);
        Assert.Equal(64512, mcr["resources"]!["virtual_router"]!["mcrAsn"]!.GetValue<int>());
        Assert.Equal("MCR renamed", mcr["productName"]!.GetValue<string>());

        var (s2, _) = await sim.PutAsync($"/v2/product/mve/{SeedIds.SydneyMve}", new { vnics = new[] { new { description = "Inside" } } });
        Assert.Equal(200, s2);
        var mve = await sim.ProductAsync(SeedIds.SydneyMve);
        Assert.Equal("Inside", mve["vnics"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("Branch Overlay", mve["vnics"]![1]!["description"]!.GetValue<string>());
        Assert.Contains("the MVE has 2 vNICs", await Fails(sim, HttpMethod.Put, $"/v2/product/mve/{SeedIds.SydneyMve}",
            new { vnics = new[] { new { description = "a" }, new { description = "b" }, new { description = "c" } } }));
    }

    [Fact]
    public async Task Modify_ix()
    {
        await using var sim = await TestSim.StartAsync();
        var path = $"/v2/product/ix/{SeedIds.SydneyIx}";
        Assert.Contains("rateLimit 20000 exceeds the port speed 10000", await Fails(sim, HttpMethod.Put, path, new { rateLimit = 20000 }));
        Assert.Contains("vlan 100 is already in use", await Fails(sim, HttpMethod.Put, path, new { vlan = 100 }));
        var (status, json) = await sim.PutAsync(path, new { name = "IX renamed", rateLimit = 2000, vlan = 301, asn = 64999, publicGraph = false, shutdown = true });
        Assert.Equal(200, status);
        var ix = json!["data"]!;
        Assert.Equal("IX renamed", ix["productName"]!.GetValue<string>());
        Assert.Equal(2000, ix["rateLimit"]!.GetValue<int>());
        Assert.Equal(301, ix["vlan"]!.GetValue<int>());
        Assert.Equal(64999, ix["asn"]!.GetValue<int>());
        Assert.False(ix["publicGraph"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Modify_vxc_fields_and_rules()
    {
        await using var sim = await TestSim.StartAsync();
        var path = $"/v3/product/vxc/{SeedIds.VxcPortToPort}";
        Assert.Contains("rateLimit 20000 exceeds the A-End port speed 10000", await Fails(sim, HttpMethod.Put, path, new { rateLimit = 20000 }));
        Assert.Contains("bEndVlan 201 is already in use on port Sydney Secondary", await Fails(sim, HttpMethod.Put, path, new { bEndVlan = 201 }));
        Assert.Contains("aEndVlan 4094 is invalid", await Fails(sim, HttpMethod.Put, path, new { aEndVlan = 4094 }));
        Assert.Contains("term 5 is invalid", await Fails(sim, HttpMethod.Put, path, new { term = 5 }));
        var (status, json) = await sim.PutAsync(path, new { name = "p2p renamed", rateLimit = 2000, aEndVlan = 110, shutdown = true, term = 12, costCentre = "X" });
        Assert.Equal(200, status);
        var vxc = json!["data"]!;
        Assert.Equal("VXC", vxc["productType"]!.GetValue<string>());
        Assert.Equal("p2p renamed", vxc["productName"]!.GetValue<string>());
        Assert.Equal(2000, vxc["rateLimit"]!.GetValue<int>());
        Assert.Equal(110, vxc["aEnd"]!["vlan"]!.GetValue<int>());
        Assert.True(vxc["shutdown"]!.GetValue<bool>());
        Assert.Equal("LIVE", vxc["provisioningStatus"]!.GetValue<string>());
        // The old VLAN is free again, the new one is taken.
        var vlans = (await sim.GetDataAsync($"/v2/product/port/{SeedIds.SydneyPrimary}/vlan?vlan=100")).AsArray().Select(v => v!.GetValue<int>()).ToHashSet();
        Assert.Contains(100, vlans);
        Assert.DoesNotContain(110, vlans);
    }

    [Fact]
    public async Task Move_vxc_end()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PutAsync($"/v3/product/vxc/{SeedIds.VxcPortToPort}", new { bEndProductUid = SeedIds.MelbourneCore, bEndVlan = 0 });
        Assert.Equal(200, status);
        Assert.Equal(SeedIds.MelbourneCore, json!["data"]!["bEnd"]!["productUid"]!.GetValue<string>());
        var products = await sim.ProductsAsync();
        JsonArray Vxcs(string uid) => products.First(p => p!["productUid"]!.GetValue<string>() == uid)!["associatedVxcs"]!.AsArray();
        Assert.Contains(Vxcs(SeedIds.MelbourneCore), v => v!["productUid"]!.GetValue<string>() == SeedIds.VxcPortToPort);
        Assert.DoesNotContain(Vxcs(SeedIds.SydneySecondary), v => v!["productUid"]!.GetValue<string>() == SeedIds.VxcPortToPort);

        var mcr2 = (await sim.BuyOk(Orders.Mcr("second-mcr")))[0]!["technicalServiceUid"]!.GetValue<string>();
        Assert.Contains("virtual router service has a different linked interface",
            await Fails(sim, HttpMethod.Put, $"/v3/product/vxc/{SeedIds.VxcMcrAzure}", new { aEndProductUid = mcr2 }));
    }

    [Fact]
    public async Task Approve_and_reject_through_vxc_update()
    {
        await using var sim = await TestSim.StartAsync();
        var acme = SeedIds.Derive("partner/default/acme/sydney");
        var a = (await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, acme, name: "a")))[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();
        var b = (await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, acme, name: "b")))[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();
        Assert.Equal(200, (await sim.PutAsync($"/v3/product/vxc/{a}", new { isApproved = true })).Status);
        Assert.Equal("LIVE", (await sim.ProductAsync(a))["provisioningStatus"]!.GetValue<string>());
        Assert.Equal(200, (await sim.PutAsync($"/v3/product/vxc/{b}", new { isApproved = false })).Status);
        Assert.Equal("DECOMMISSIONED", (await sim.ProductAsync(b))["provisioningStatus"]!.GetValue<string>());
        Assert.Contains("has no pending approval", await Fails(sim, HttpMethod.Put, $"/v3/product/vxc/{a}", new { isApproved = true }));
    }

    [Theory]
    [InlineData(SeedIds.SydneyPrimary, "Port")]
    [InlineData(SeedIds.LagMember, "LAG port")]
    [InlineData(SeedIds.SydneyMcr, "MCR")]
    [InlineData(SeedIds.SydneyMve, "MVE")]
    [InlineData(SeedIds.VxcLagInternet, "Transit VXC")]
    public async Task Cancel_later_is_refused_where_the_api_refuses_it(string uid, string kind)
    {
        await using var sim = await TestSim.StartAsync();
        var message = await Fails(sim, HttpMethod.Post, $"/v3/product/{uid}/action/CANCEL", null);
        Assert.Contains($"{kind} {uid} cannot be cancelled later, use CANCEL_NOW", message);
        Assert.Equal("LIVE", (await sim.ProductAsync(uid))["provisioningStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_then_restore_a_vxc()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PostAsync($"/v3/product/{SeedIds.VxcPortToPort}/action/CANCEL", null);
        Assert.Equal(200, status);
        Assert.Equal($"Action [CANCEL Service {SeedIds.VxcPortToPort}] has been done.", json!["message"]!.GetValue<string>());
        Assert.False(json.AsObject().ContainsKey("data"));
        Fixtures.AssertHasShape(Fixtures.Load("v3-product-action-cancel-now-response.json"), json);
        Assert.Equal("CANCELLED", (await sim.ProductAsync(SeedIds.VxcPortToPort))["provisioningStatus"]!.GetValue<string>());
        Assert.Equal(200, (await sim.PostAsync($"/v3/product/{SeedIds.VxcPortToPort}/action/UN_CANCEL", null)).Status);
        Assert.Equal("LIVE", (await sim.ProductAsync(SeedIds.VxcPortToPort))["provisioningStatus"]!.GetValue<string>());
        Assert.Contains("only CANCELLED services can be restored", await Fails(sim, HttpMethod.Post, $"/v3/product/{SeedIds.VxcPortToPort}/action/UN_CANCEL", null));
        Assert.Contains("Could not find a service with UID", await Fails(sim, HttpMethod.Post, "/v3/product/nope/action/CANCEL_NOW", null));
    }

    [Fact]
    public async Task Cancel_now_with_safe_delete_and_cascade()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Contains("still has", await Fails(sim, HttpMethod.Post, $"/v3/product/{SeedIds.SydneyPrimary}/action/CANCEL_NOW?safeDelete=true", null));
        Assert.Equal("LIVE", (await sim.ProductAsync(SeedIds.SydneyPrimary))["provisioningStatus"]!.GetValue<string>());

        var (status, json) = await sim.PostAsync($"/v3/product/{SeedIds.SydneyPrimary}/action/CANCEL_NOW", null);
        Assert.Equal(200, status);
        Assert.Equal($"Action [CANCEL_NOW Service {SeedIds.SydneyPrimary}] has been done.", json!["message"]!.GetValue<string>());
        foreach (var uid in new[] { SeedIds.SydneyPrimary, SeedIds.VxcPortToPort, SeedIds.VxcAwsHostedVif, SeedIds.SydneyIx })
            Assert.Equal("DECOMMISSIONED", (await sim.ProductAsync(uid))["provisioningStatus"]!.GetValue<string>());

        // A port without services can go with safeDelete.
        Assert.Equal(200, (await sim.PostAsync($"/v3/product/{SeedIds.MegaDirect}/action/CANCEL_NOW?safeDelete=true", null)).Status);
        Assert.Contains("already DECOMMISSIONED", await Fails(sim, HttpMethod.Post, $"/v3/product/{SeedIds.MegaDirect}/action/CANCEL_NOW", null));
    }

    [Fact]
    public async Task Lock_blocks_changes_until_unlocked()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PostAsync($"/v2/product/{SeedIds.SydneySecondary}/lock", null);
        Assert.Equal(200, status);
        Assert.Equal("Service locked", json!["message"]!.GetValue<string>());
        Assert.True(json["data"]!["locked"]!.GetValue<bool>());
        Assert.Contains("already locked", await Fails(sim, HttpMethod.Post, $"/v2/product/{SeedIds.SydneySecondary}/lock", null));
        Assert.StartsWith("Service locked", await Fails(sim, HttpMethod.Put, $"/v2/product/megaport/{SeedIds.SydneySecondary}", new { name = "x" }));
        Assert.StartsWith("Service locked", await Fails(sim, HttpMethod.Post, $"/v3/product/{SeedIds.SydneySecondary}/action/CANCEL_NOW", null));
        var (us, uj) = await sim.CallAsync(HttpMethod.Delete, $"/v2/product/{SeedIds.SydneySecondary}/lock");
        Assert.Equal(200, us);
        Assert.Equal("Service unlocked", uj!["message"]!.GetValue<string>());
        Assert.False(uj["data"]!["locked"]!.GetValue<bool>());
        Assert.Equal(200, (await sim.PutAsync($"/v2/product/megaport/{SeedIds.SydneySecondary}", new { name = "x" })).Status);
    }

    [Fact]
    public async Task Vlan_availability()
    {
        await using var sim = await TestSim.StartAsync();
        var taken = (await sim.GetDataAsync($"/v2/product/port/{SeedIds.SydneyPrimary}/vlan?vlan=100")).AsArray().Select(v => v!.GetValue<int>()).ToList();
        Assert.DoesNotContain(100, taken);
        Assert.DoesNotContain(300, taken); // the IX
        Assert.Contains(555, taken);
        Assert.Contains("vlan 4094 is invalid", await Fails(sim, HttpMethod.Get, $"/v2/product/port/{SeedIds.SydneyPrimary}/vlan?vlan=4094", null));
        Assert.Contains("Could not find a service", await Fails(sim, HttpMethod.Get, $"/v2/product/port/{SeedIds.VxcPortToPort}/vlan?vlan=5", null));
    }

    [Fact]
    public async Task Tags_are_read_and_replaced()
    {
        await using var sim = await TestSim.StartAsync();
        var tags = (await sim.GetDataAsync($"/v2/product/{SeedIds.SydneyPrimary}/tags"))["resourceTags"]!.AsArray();
        Assert.Contains(tags, t => t!["key"]!.GetValue<string>() == "env" && t["value"]!.GetValue<string>() == "prod");
        var (status, _) = await sim.PutAsync($"/v2/product/{SeedIds.VxcPortToPort}/tags",
            new { resourceTags = new[] { new { key = "team", value = "netops" }, new { key = "tier", value = "1" } } });
        Assert.Equal(200, status);
        var replaced = (await sim.GetDataAsync($"/v2/product/{SeedIds.VxcPortToPort}/tags"))["resourceTags"]!.AsArray();
        Assert.Equal(["team", "tier"], replaced.Select(t => t!["key"]!.GetValue<string>()));
        Assert.Contains("duplicate tag key", await Fails(sim, HttpMethod.Put, $"/v2/product/{SeedIds.VxcPortToPort}/tags",
            new { resourceTags = new[] { new { key = "a", value = "1" }, new { key = "a", value = "2" } } }));
    }

    [Fact]
    public async Task Service_keys_create_list_get_update()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Contains("vlan is required for a single-use service key", await Fails(sim, HttpMethod.Post, "/v2/service/key",
            new { productUid = SeedIds.SydneySecondary, singleUse = true, maxSpeed = 100 }));
        var (status, json) = await sim.PostAsync("/v2/service/key",
            new { productUid = SeedIds.SydneySecondary, singleUse = false, maxSpeed = 500, preApproved = true, description = "for partners" });
        Assert.Equal(200, status);
        var key = json!["data"]!["key"]!.GetValue<string>();
        foreach (var f in new[] { "key", "createDate", "companyUid", "productUid", "productName", "maxSpeed", "preApproved", "singleUse", "active", "validFor", "expired", "valid" })
            Assert.True(json["data"]!.AsObject().ContainsKey(f), f);
        var byKey = await sim.GetDataAsync("/v2/service/key?key=" + key);
        Assert.Equal(SeedIds.SydneySecondary, byKey["productUid"]!.GetValue<string>());
        var byProduct = (await sim.GetDataAsync("/v2/service/key?productIdOrUid=" + SeedIds.SydneySecondary)).AsArray();
        Assert.Single(byProduct);
        var (us, uj) = await sim.PutAsync("/v2/service/key", new { key, productUid = SeedIds.SydneySecondary, singleUse = false, active = false });
        Assert.Equal(200, us);
        Assert.False(uj!["data"]!["active"]!.GetValue<bool>());
        Assert.Contains("is not active", await sim.BothFail(Orders.Vxc(SeedIds.SydneyPrimary, null, serviceKey: key)));
    }

    [Fact]
    public async Task Ordering_with_service_keys()
    {
        await using var sim = await TestSim.StartAsync();
        // Pre-approved key of our own port: lands on it, no approval.
        var own = (await sim.BuyOk(Orders.Vxc(SeedIds.MelbourneCore, null, name: "via-key", serviceKey: SeedIds.ServiceKeySydneyPrimary)))[0]!;
        var vxc = await sim.ProductAsync(own["vxcJTechnicalServiceUid"]!.GetValue<string>());
        Assert.Equal(SeedIds.SydneyPrimary, vxc["bEnd"]!["productUid"]!.GetValue<string>());
        Assert.Null(vxc["vxcApproval"]!["status"]);
        Assert.Contains("exceeds the service key's maximum speed 1000",
            await sim.BothFail(Orders.Vxc(SeedIds.MelbourneCore, null, rate: 2000, serviceKey: SeedIds.ServiceKeySydneyPrimary)));

        // Another company's key that is not pre-approved: pending.
        var acme = (await sim.BuyOk(Orders.Vxc(SeedIds.SydneySecondary, null, name: "acme-key", serviceKey: SeedIds.ServiceKeyAcmeSydney)))[0]!;
        var pending = await sim.ProductAsync(acme["vxcJTechnicalServiceUid"]!.GetValue<string>());
        Assert.Equal("PENDING_EXTERNAL", pending["vxcApproval"]!["status"]!.GetValue<string>());
        Assert.Equal(SeedIds.Derive("partner/default/acme/sydney"), pending["bEnd"]!["productUid"]!.GetValue<string>());

        // A pre-approved key to a marketplace port skips the approval.
        var london = (await sim.BuyOk(Orders.Vxc(SeedIds.SydneySecondary, null, name: "acme-ldn", serviceKey: SeedIds.ServiceKeyAcmeLondonPreApproved)))[0]!;
        Assert.Null((await sim.ProductAsync(london["vxcJTechnicalServiceUid"]!.GetValue<string>()))["vxcApproval"]!["status"]);

        // Single-use: its VLAN is used, then the key is spent.
        var single = (await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, null, name: "single", rate: 100, serviceKey: SeedIds.ServiceKeyLaSingleUse)))[0]!;
        Assert.Equal(2500, (await sim.ProductAsync(single["vxcJTechnicalServiceUid"]!.GetValue<string>()))["bEnd"]!["vlan"]!.GetValue<int>());
        Assert.Contains("is not active", await sim.BothFail(Orders.Vxc(SeedIds.SydneyPrimary, null, name: "again", rate: 100, serviceKey: SeedIds.ServiceKeyLaSingleUse)));
        Assert.Contains("serviceKey nope was not found", await sim.BothFail(Orders.Vxc(SeedIds.SydneyPrimary, null, serviceKey: "nope")));
    }
}
