using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

public class LifecycleTests
{
    private static async Task<string> StatusOf(TestSim sim, string uid) =>
        (await sim.ProductAsync(uid))["provisioningStatus"]!.GetValue<string>();

    [Fact]
    public async Task New_service_walks_deployable_configured_live_over_the_delay()
    {
        // Simulator time is stepped, so a slow machine cannot skip a status between two reads.
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 800, clock);
        var uid = (await sim.BuyOk(Orders.Port("timed")))[0]!["technicalServiceUid"]!.GetValue<string>();
        Assert.Equal("DEPLOYABLE", await StatusOf(sim, uid));
        clock.Advance(TimeSpan.FromMilliseconds(799));
        Assert.Equal("DEPLOYABLE", await StatusOf(sim, uid));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("CONFIGURED", await StatusOf(sim, uid));
        clock.Advance(TimeSpan.FromMilliseconds(799));
        Assert.Equal("CONFIGURED", await StatusOf(sim, uid));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("LIVE", await StatusOf(sim, uid));
        var port = await sim.ProductAsync(uid);
        Assert.Equal(port["createDate"]!.GetValue<long>() + 1600, port["liveDate"]!.GetValue<long>());
        Assert.Equal(port["liveDate"]!.GetValue<long>(), port["contractStartDate"]!.GetValue<long>());
    }

    [Fact]
    public async Task Restoring_a_service_cancelled_while_configured_goes_on_to_live_not_back_to_deployable()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 1000, clock);
        var uid = (await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, name: "restored", rate: 100)))[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();
        clock.Advance(TimeSpan.FromMilliseconds(1200));
        Assert.Equal("CONFIGURED", await StatusOf(sim, uid));
        Assert.Equal(200, (await sim.PostAsync($"/v3/product/{uid}/action/CANCEL", null)).Status);
        Assert.Equal("CANCELLED", await StatusOf(sim, uid));
        clock.Advance(TimeSpan.FromMinutes(5)); // cancelled: no progress while it is
        Assert.Equal("CANCELLED", await StatusOf(sim, uid));
        Assert.Equal(200, (await sim.PostAsync($"/v3/product/{uid}/action/UN_CANCEL", null)).Status);
        Assert.Equal("CONFIGURED", await StatusOf(sim, uid));
        clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal("LIVE", await StatusOf(sim, uid));
    }

    [Fact]
    public async Task Zero_delay_is_live_on_first_read_and_config_can_change_it()
    {
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 0);
        var uid = (await sim.BuyOk(Orders.Port("instant")))[0]!["technicalServiceUid"]!.GetValue<string>();
        Assert.Equal("LIVE", await StatusOf(sim, uid));

        using var put = await sim.Http.PutAsync("/_simulator/config",
            new StringContent("""{"provisionDelayMs":60000}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(put.IsSuccessStatusCode);
        var slow = (await sim.BuyOk(Orders.Port("slow")))[0]!["technicalServiceUid"]!.GetValue<string>();
        Assert.Equal("DEPLOYABLE", await StatusOf(sim, slow));
        Assert.Equal(60000, (await sim.Http.GetFromJsonNode("/_simulator/config"))["provisionDelayMs"]!.GetValue<int>());
    }

    [Fact]
    public async Task Marketplace_vxc_waits_for_approval_then_goes_live()
    {
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 0);
        var acme = SeedIds.Derive("partner/default/acme/sydney");
        var data = await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, acme, name: "to-acme", rate: 100));
        Assert.Equal("PENDING", data[0]!["nonPayerStatus"]!.GetValue<string>());
        Assert.False(data[0]!["fullyApproved"]!.GetValue<bool>());
        var uid = data[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();

        var vxc = await sim.ProductAsync(uid);
        Assert.Equal("DEPLOYABLE", vxc["provisioningStatus"]!.GetValue<string>());
        var approval = vxc["vxcApproval"]!;
        Assert.Equal("PENDING_EXTERNAL", approval["status"]!.GetValue<string>());
        Assert.Contains("Acme Hosting", approval["message"]!.GetValue<string>());
        Assert.Equal("NEW", approval["type"]!.GetValue<string>());
        Assert.NotNull(approval["uid"]);
        Assert.Null(approval["newSpeed"]);
        await Task.Delay(100);
        Assert.Equal("DEPLOYABLE", await StatusOf(sim, uid)); // time alone does not help

        using var resp = await sim.Http.PostAsync($"/_simulator/services/{uid}/approve", null);
        Assert.True(resp.IsSuccessStatusCode);
        vxc = await sim.ProductAsync(uid);
        Assert.Equal("LIVE", vxc["provisioningStatus"]!.GetValue<string>());
        Assert.Null(vxc["vxcApproval"]!["status"]);

        using var again = await sim.Http.PostAsync($"/_simulator/services/{uid}/approve", null);
        Assert.Equal(400, (int)again.StatusCode);
    }

    [Fact]
    public async Task Rejected_vxc_is_decommissioned()
    {
        await using var sim = await TestSim.StartAsync();
        var acme = SeedIds.Derive("partner/default/acme/sydney");
        var uid = (await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, acme, name: "to-acme", rate: 100)))[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();
        using var resp = await sim.Http.PostAsync($"/_simulator/services/{uid}/reject", null);
        Assert.True(resp.IsSuccessStatusCode);
        var vxc = await sim.ProductAsync(uid);
        Assert.Equal("DECOMMISSIONED", vxc["provisioningStatus"]!.GetValue<string>());
        Assert.True(vxc["resources"]!["vll"] is JsonArray);
    }

    [Fact]
    public async Task Status_can_be_forced_for_wait_tests()
    {
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 60_000);
        var uid = (await sim.BuyOk(Orders.Port("doomed")))[0]!["technicalServiceUid"]!.GetValue<string>();
        using var resp = await sim.Http.PostAsync($"/_simulator/services/{uid}/status",
            new StringContent("""{"status":"FAILED"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(resp.IsSuccessStatusCode);
        Assert.Equal("FAILED", await StatusOf(sim, uid));
        using var bad = await sim.Http.PostAsync($"/_simulator/services/{uid}/status",
            new StringContent("""{"status":"BANANA"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)bad.StatusCode);
        using var missing = await sim.Http.PostAsync("/_simulator/services/nope/status",
            new StringContent("""{"status":"LIVE"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(404, (int)missing.StatusCode);
    }
}
