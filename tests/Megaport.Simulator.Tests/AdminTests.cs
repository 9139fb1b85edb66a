using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

public class AdminTests
{
    [Fact]
    public async Task Reset_restores_the_seed_but_keeps_tokens()
    {
        await using var sim = await TestSim.StartAsync();
        var token = await sim.TokenAsync();
        var before = (await sim.ProductsAsync()).ToJsonString();
        await sim.BuyOk(Orders.Port("temporary"));
        await sim.PostAsync($"/v3/product/{SeedIds.VxcPortToPort}/action/CANCEL_NOW", null);
        await sim.Http.PostAsync("/_simulator/faults", new StringContent("""{"path":"/v9/x","status":500}""", System.Text.Encoding.UTF8, "application/json"));
        await sim.Http.PutAsync("/_simulator/config", new StringContent("""{"provisionDelayMs":12345}""", System.Text.Encoding.UTF8, "application/json"));

        using (var reset = await sim.Http.PostAsync("/_simulator/reset", null)) Assert.True(reset.IsSuccessStatusCode);

        Assert.Equal(before, (await sim.ProductsAsync()).ToJsonString());
        Assert.Empty((await sim.Http.GetFromJsonNode("/_simulator/faults")).AsArray());
        Assert.Empty((await sim.Http.GetFromJsonNode("/_simulator/orders")).AsArray());
        Assert.Equal(0, (await sim.Http.GetFromJsonNode("/_simulator/config"))["provisionDelayMs"]!.GetValue<int>());
        var stats = await sim.Http.GetFromJsonNode("/_simulator/stats");
        Assert.Equal(0, stats["buyCalls"]!.GetValue<int>());
        Assert.Equal(1, stats["requests"]!.GetValue<int>()); // the /v2/products call just above
        using var resp = await sim.SendAsync(HttpMethod.Get, "/v3/locations", token: token);
        Assert.Equal(200, (int)resp.StatusCode);
    }

    [Fact]
    public async Task Request_journal_records_without_secrets()
    {
        await using var sim = await TestSim.StartAsync();
        var token = await sim.TokenAsync();
        using var resp = await sim.SendAsync(HttpMethod.Post, "/v4/networkdesign/buy", Orders.Buy(Orders.Port("journal")).ToJsonString());
        var traceId = resp.Headers.GetValues("Trace-Id").Single();
        await sim.CallAsync(HttpMethod.Get, "/v3/locations?locationStatuses=Active", auth: false);

        var all = (await sim.Http.GetFromJsonNode("/_simulator/requests")).AsArray();
        Assert.DoesNotContain(token, all.ToJsonString());
        Assert.DoesNotContain(all, r => r!["path"]!.GetValue<string>().StartsWith("/_simulator"));
        var buys = (await sim.Http.GetFromJsonNode("/_simulator/requests?method=POST&path=/v4/networkdesign/buy")).AsArray();
        var buy = Assert.Single(buys)!;
        Assert.Equal(200, buy["status"]!.GetValue<int>());
        Assert.Equal(traceId, buy["traceId"]!.GetValue<string>());
        Assert.True(buy["hasBearer"]!.GetValue<bool>());
        Assert.Contains("journal", buy["body"]!.GetValue<string>());
        Assert.NotNull(buy["time"]);
        var loc = all.Single(r => r!["path"]!.GetValue<string>() == "/v3/locations")!;
        Assert.Equal("?locationStatuses=Active", loc["query"]!.GetValue<string>());
        Assert.Equal(401, loc["status"]!.GetValue<int>());
        Assert.False(loc["hasBearer"]!.GetValue<bool>());
        var token1 = all.First(r => r!["path"]!.GetValue<string>() == "/oauth2/token")!;
        Assert.Equal("?grant_type=client_credentials", token1["query"]!.GetValue<string>());
        Assert.Equal(1, (await sim.Http.GetFromJsonNode("/_simulator/stats"))["tokenRequests"]!.GetValue<int>());
    }

    [Fact]
    public async Task Config_rejects_bad_values()
    {
        await using var sim = await TestSim.StartAsync();
        using var resp = await sim.Http.PutAsync("/_simulator/config", new StringContent("""{"tokenLifetimeSeconds":0}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)resp.StatusCode);
        using var ok = await sim.Http.PutAsync("/_simulator/config", new StringContent("""{"tokenLifetimeSeconds":60}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(ok.IsSuccessStatusCode);
        using var req = new HttpRequestMessage(HttpMethod.Post, "/oauth2/token?grant_type=client_credentials");
        req.Headers.Authorization = TestSim.Basic(SimulatorOptions.DefaultAccessKey, SimulatorOptions.DefaultSecretKey);
        using var token = await sim.Http.SendAsync(req);
        Assert.Equal(60, JsonNode.Parse(await token.Content.ReadAsStringAsync())!["expires_in"]!.GetValue<int>());
    }
}
