using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

public class LoadTests
{
    [Fact]
    public async Task Parallel_clients_lose_no_order_and_get_every_answer()
    {
        await using var sim = await TestSim.StartAsync();
        const int clients = 16, perClient = 126; // 2016 requests, a third of them buys
        var token = await sim.TokenAsync();
        var created = new System.Collections.Concurrent.ConcurrentBag<string>();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        async Task Client(int c)
        {
            using var http = new HttpClient { BaseAddress = sim.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var i = 0; i < perClient; i++)
            {
                HttpResponseMessage resp;
                if (i % 3 == 0)
                {
                    // Auto-assigned VLANs on the same two ports: racing buys must still get distinct VLANs.
                    var body = Orders.Buy(Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, name: $"load-{c}-{i}", rate: 1)).ToJsonString();
                    resp = await http.PostAsync("/v4/networkdesign/buy", new StringContent(body, Encoding.UTF8, "application/json"));
                    var text = await resp.Content.ReadAsStringAsync();
                    if (resp.IsSuccessStatusCode) created.Add(JsonNode.Parse(text)!["data"]![0]!["vxcJTechnicalServiceUid"]!.GetValue<string>());
                    else failures.Add($"buy {(int)resp.StatusCode}: {text}");
                }
                else
                {
                    // Mostly small reads; the full list (re-rendered after every buy) now and then.
                    var path = i % 3 == 1 ? "/v2/product/" + SeedIds.VxcPortToPort : i % 15 == 2 ? "/v2/products" : "/v3/locations";
                    resp = await http.GetAsync(path);
                    if (!resp.IsSuccessStatusCode) failures.Add($"GET {(int)resp.StatusCode}");
                }
                resp.Dispose();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(Client));
        Assert.Empty(failures);
        var expected = clients * ((perClient + 2) / 3);
        Assert.Equal(expected, created.Count);
        Assert.Equal(expected, created.Distinct().Count());
        var stats = await sim.Http.GetFromJsonNode("/_simulator/stats");
        Assert.Equal(expected, stats["buysExecuted"]!.GetValue<int>());
        Assert.Equal(expected, stats["buyCalls"]!.GetValue<int>());

        var products = await sim.ProductsAsync();
        var primary = products.First(p => p!["productUid"]!.GetValue<string>() == SeedIds.SydneyPrimary)!["associatedVxcs"]!.AsArray();
        var uids = primary.Select(v => v!["productUid"]!.GetValue<string>()).ToHashSet();
        Assert.All(created, uid => Assert.Contains(uid, uids));
        var vlans = primary.Where(v => v!["provisioningStatus"]!.GetValue<string>() != "DECOMMISSIONED")
            .Select(v => v!["aEnd"]!["productUid"]!.GetValue<string>() == SeedIds.SydneyPrimary ? v["aEnd"]!["vlan"]! : v["bEnd"]!["vlan"]!)
            .Select(n => n.GetValue<int>()).ToList();
        Assert.Equal(vlans.Count, vlans.Distinct().Count());
    }

    [Fact]
    public async Task Scale_account_lists_every_port_and_vxc_again_and_again()
    {
        // How fast it starts and lists is Bench's to measure (build.ps1 -Task Bench), not a unit test's.
        await using var sim = await TestSim.StartAsync(o => o.Scale = SimulatorOptions.ParseScale("locations=1000,ports=10000,vxcs=20000"));
        var locations = (await sim.GetDataAsync("/v3/locations")).AsArray();
        Assert.True(locations.Count >= 1000 + 40);

        byte[] body;
        using (var resp = await sim.SendAsync(HttpMethod.Get, "/v2/products")) body = await resp.Content.ReadAsByteArrayAsync();
        byte[] again;
        using (var resp = await sim.SendAsync(HttpMethod.Get, "/v2/products")) again = await resp.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, again.Length);   // the second listing (the cached rendering) is the same account

        // JsonDocument: a 70+ MB body is too slow to load into JsonNode in a unit test.
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        var products = doc.RootElement.GetProperty("data");
        Assert.Equal(10000, products.GetArrayLength());
        var vxcs = new HashSet<string>();
        var toPartners = 0;
        foreach (var p in products.EnumerateArray())
            foreach (var v in p.GetProperty("associatedVxcs").EnumerateArray())
                if (vxcs.Add(v.GetProperty("productUid").GetString()!) && v.GetProperty("bEnd").GetProperty("ownerUid").GetString() != SeedIds.DemoCompany.Uid)
                    toPartners++;
        Assert.Equal(20000, vxcs.Count);
        Assert.True(toPartners > 1000, $"{toPartners} VXCs to partner ports");
    }

    [Fact]
    public async Task Small_scale_account_is_consistent()
    {
        await using var sim = await TestSim.StartAsync(o => o.Scale = SimulatorOptions.ParseScale("locations=20,ports=50,vxcs=120"));
        var products = await sim.ProductsAsync();
        Assert.Equal(50, products.Count);
        Assert.Equal(120, products.SelectMany(p => p!["associatedVxcs"]!.AsArray()).Select(v => v!["productUid"]!.GetValue<string>()).Distinct().Count());
        Assert.Contains((await sim.GetDataAsync("/v3/locations")).AsArray(), l => l!["name"]!.GetValue<string>() == "Simulated DC 0020");
        // Orders still work against generated ports.
        var port = products[0]!["productUid"]!.GetValue<string>();
        await sim.BuyOk(Orders.Vxc(port, products[1]!["productUid"]!.GetValue<string>(), rate: 10));
    }
}
