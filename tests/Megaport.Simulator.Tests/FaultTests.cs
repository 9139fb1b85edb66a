using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Megaport.Simulator.Faults;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

public class FaultTests
{
    private static async Task AddFault(TestSim sim, string json)
    {
        using var resp = await sim.Http.PostAsync("/_simulator/faults", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(resp.IsSuccessStatusCode, await resp.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Status_fault_hits_count_calls_then_the_real_handler_runs()
    {
        await using var sim = await TestSim.StartAsync();
        await AddFault(sim, """{"method":"POST","path":"/v4/networkdesign/buy","kind":"status","status":503,"retryAfter":"2","count":1}""");
        using (var resp = await sim.SendAsync(HttpMethod.Post, "/v4/networkdesign/buy", Orders.Buy(Orders.Port()).ToJsonString()))
        {
            Assert.Equal(503, (int)resp.StatusCode);
            Assert.Equal("2", resp.Headers.GetValues("Retry-After").Single());
            Assert.True(resp.Headers.Contains("Trace-Id"));
            var json = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
            Assert.Equal("Service Unavailable", json["message"]!.GetValue<string>());
        }
        await sim.BuyOk(Orders.Port("second"));
        var stats = await sim.Http.GetFromJsonNode("/_simulator/stats");
        Assert.Equal(2, stats["buyCalls"]!.GetValue<int>());
        Assert.Equal(1, stats["buysExecuted"]!.GetValue<int>());
        var faults = (await sim.Http.GetFromJsonNode("/_simulator/faults")).AsArray();
        Assert.Equal(0, faults[0]!["remaining"]!.GetValue<int>());
        Assert.Equal(1, faults[0]!["hits"]!.GetValue<int>());
    }

    [Fact]
    public async Task Status_fault_with_body_http_date_and_wildcard_path()
    {
        await using var sim = await TestSim.StartAsync();
        var date = DateTimeOffset.UtcNow.AddSeconds(5).ToString("R");
        await AddFault(sim, $$"""{"method":"GET","path":"/v2/product/*","status":429,"body":"{\"message\":\"Too many\",\"data\":null}","retryAfter":"{{date}}","count":2}""");
        for (var i = 0; i < 2; i++)
        {
            using var resp = await sim.SendAsync(HttpMethod.Get, "/v2/product/" + SeedIds.SydneyPrimary);
            Assert.Equal(429, (int)resp.StatusCode);
            Assert.Equal(date, resp.Headers.GetValues("Retry-After").Single());
            Assert.Equal("""{"message":"Too many","data":null}""", await resp.Content.ReadAsStringAsync());
        }
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, "/v2/product/" + SeedIds.SydneyPrimary)).Status);
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, "/v2/products")).Status); // '*' is one segment only
    }

    [Fact]
    public async Task Fault_without_count_applies_until_cleared()
    {
        await using var sim = await TestSim.StartAsync();
        await AddFault(sim, """{"method":"GET","path":"/v3/locations","status":500}""");
        for (var i = 0; i < 3; i++) Assert.Equal(500, (await sim.CallAsync(HttpMethod.Get, "/v3/locations")).Status);
        using (var del = await sim.Http.DeleteAsync("/_simulator/faults")) Assert.True(del.IsSuccessStatusCode);
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, "/v3/locations")).Status);
        Assert.Empty((await sim.Http.GetFromJsonNode("/_simulator/faults")).AsArray());
    }

    [Fact]
    public async Task Delay_fault_delays_and_is_cancelled_when_the_client_leaves()
    {
        await using var sim = await TestSim.StartAsync();
        await AddFault(sim, """{"method":"GET","path":"/v3/locations","kind":"delay","delayMs":400,"count":1}""");
        var clock = Stopwatch.StartNew();
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, "/v3/locations")).Status);
        Assert.True(clock.ElapsedMilliseconds >= 380, $"{clock.ElapsedMilliseconds} ms");

        await AddFault(sim, """{"method":"GET","path":"/v2/products","kind":"delay","delayMs":20000,"count":1}""");
        using var impatient = new HttpClient { BaseAddress = sim.BaseUri, Timeout = TimeSpan.FromMilliseconds(300) };
        impatient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await sim.TokenAsync());
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.GetAsync("/v2/products"));
        // The server gives up on the delayed request soon after the client disconnects (not after 20 s).
        var deadline = Stopwatch.StartNew();
        JsonNode? entry = null;
        while (deadline.ElapsedMilliseconds < 5000 && entry is null)
        {
            entry = (await sim.Http.GetFromJsonNode("/_simulator/requests?path=/v2/products")).AsArray().FirstOrDefault();
            if (entry is null) await Task.Delay(50);
        }
        Assert.NotNull(entry);
        Assert.Equal(0, entry!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reset_fault_aborts_the_connection_before_the_handler()
    {
        await using var sim = await TestSim.StartAsync();
        await AddFault(sim, """{"method":"POST","path":"/v4/networkdesign/buy","kind":"reset","count":1}""");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sim.SendAsync(HttpMethod.Post, "/v4/networkdesign/buy", Orders.Buy(Orders.Port()).ToJsonString()));
        var stats = await sim.Http.GetFromJsonNode("/_simulator/stats");
        Assert.Equal(1, stats["buyCalls"]!.GetValue<int>());
        Assert.Equal(0, stats["buysExecuted"]!.GetValue<int>());
        await sim.BuyOk(Orders.Port()); // next call is normal
    }

    [Fact]
    public async Task Malformed_fault_sends_broken_json_with_200()
    {
        await using var sim = await TestSim.StartAsync();
        await AddFault(sim, """{"method":"GET","path":"/v2/products","kind":"malformed","count":1}""");
        using var resp = await sim.SendAsync(HttpMethod.Get, "/v2/products");
        Assert.Equal(200, (int)resp.StatusCode);
        var text = await resp.Content.ReadAsStringAsync();
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(text));
    }

    [Fact]
    public async Task Drop_after_execute_really_buys_but_sends_nothing()
    {
        await using var sim = await TestSim.StartAsync();
        await AddFault(sim, """{"method":"POST","path":"/v4/networkdesign/buy","kind":"dropAfterExecute","count":1}""");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            sim.SendAsync(HttpMethod.Post, "/v4/networkdesign/buy", Orders.Buy(Orders.Port("ambiguous")).ToJsonString()));
        var stats = await sim.Http.GetFromJsonNode("/_simulator/stats");
        Assert.Equal(1, stats["buyCalls"]!.GetValue<int>());
        Assert.Equal(1, stats["buysExecuted"]!.GetValue<int>());
        Assert.Contains(await sim.ProductsAsync(), p => p!["productName"]!.GetValue<string>() == "ambiguous");
        var orders = (await sim.Http.GetFromJsonNode("/_simulator/orders")).AsArray();
        Assert.Single(orders[0]!["createdUids"]!.AsArray());
    }

    [Fact]
    public async Task Expire_tokens_fault_expires_every_issued_token()
    {
        await using var sim = await TestSim.StartAsync();
        var token = await sim.TokenAsync();
        await AddFault(sim, """{"method":"GET","path":"/v2/products","kind":"expireTokens","count":1}""");
        Assert.Equal(401, (await sim.CallAsync(HttpMethod.Get, "/v2/products")).Status);
        Assert.Equal(401, (await sim.CallAsync(HttpMethod.Get, "/v3/locations")).Status);
        using var resp = await sim.SendAsync(HttpMethod.Get, "/v3/locations", token: await sim.NewTokenAsync());
        Assert.Equal(200, (int)resp.StatusCode);
    }

    [Fact]
    public async Task Bad_fault_definitions_are_refused()
    {
        await using var sim = await TestSim.StartAsync();
        foreach (var bad in new[] { """{"path":"/x","kind":"explode"}""", """{"method":"GET"}""", """{"path":"/x"}""", """{"path":"/x","kind":"status"}""", "not json" })
        {
            using var resp = await sim.Http.PostAsync("/_simulator/faults", new StringContent(bad, Encoding.UTF8, "application/json"));
            Assert.Equal(400, (int)resp.StatusCode);
        }
    }

    [Fact]
    public void Compact_fault_specs_parse()
    {
        var a = FaultSpec.ParseCompact("POST /v4/networkdesign/buy status=500 count=1");
        Assert.Equal(("POST", "/v4/networkdesign/buy", FaultKind.Status, 500, 1), (a.Method, a.Path, a.Kind, a.Status!.Value, a.Count!.Value));
        var b = FaultSpec.ParseCompact("get /v2/product/* delayMs=2000");
        Assert.Equal(("GET", FaultKind.Delay, 2000, (int?)null), (b.Method, b.Kind, b.DelayMs, b.Count));
        var c = FaultSpec.ParseCompact("POST /v4/networkdesign/buy dropAfterExecute count=2");
        Assert.Equal(FaultKind.DropAfterExecute, c.Kind);
        var d = FaultSpec.ParseCompact("""GET /v2/products status=503 retryAfter=3 body='{"message":"down for maintenance"}'""");
        Assert.Equal("""{"message":"down for maintenance"}""", d.Body);
        Assert.Equal("3", d.RetryAfter);
        Assert.Equal(FaultKind.ExpireTokens, FaultSpec.ParseCompact("* /** expireTokens count=1").Kind);
        Assert.Throws<ArgumentException>(() => FaultSpec.ParseCompact("POST"));
        Assert.Throws<ArgumentException>(() => FaultSpec.ParseCompact("POST /x bogus"));
        Assert.Throws<ArgumentException>(() => FaultSpec.ParseCompact("POST /x status=abc"));
        Assert.Throws<ArgumentException>(() => FaultSpec.ParseCompact("POST /x count=1"));
    }

    [Theory]
    [InlineData("/v2/product/*", "/v2/product/abc", true)]
    [InlineData("/v2/product/*", "/v2/product/abc/lock", false)]
    [InlineData("/v2/product/**", "/v2/product/abc/lock", true)]
    [InlineData("/v3/product/*/action/*", "/v3/product/abc/action/CANCEL_NOW", true)]
    [InlineData("/v2/products", "/v2/Products", true)]
    public void Path_patterns(string pattern, string path, bool matches) => Assert.Equal(matches, FaultRule.PathMatches(pattern, path));

    [Fact]
    public async Task Command_line_faults_are_active_from_the_start()
    {
        await using var sim = await TestSim.StartAsync(o => o.Faults.Add(FaultSpec.ParseCompact("GET /v3/locations status=502 count=1")));
        Assert.Equal(502, (await sim.CallAsync(HttpMethod.Get, "/v3/locations")).Status);
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, "/v3/locations")).Status);
    }
}
