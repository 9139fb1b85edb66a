using System.Diagnostics;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;
using Megaport.Simulator.State;
using Microsoft.Data.Sqlite;

namespace Megaport.Simulator.Tests;

/// <summary><c>--state-file</c>: the state survives restarts, a hard kill loses nothing answered, reset goes back to the seed.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("megaport-state-").FullName;
    private string File(string name = "state.db") => Path.Combine(_dir, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private Task<TestSim> Start(ManualClock clock, string? file = null) =>
        TestSim.StartAsync(o => { o.StateFile = file ?? File(); o.ProvisionDelayMs = 1000; }, clock);

    [Fact]
    public async Task Everything_the_api_changed_is_there_after_a_restart()
    {
        var clock = new ManualClock();
        string products, keys, token, mcr;
        int highestId;
        await using (var sim = await Start(clock))
        {
            token = await sim.TokenAsync();
            var port = Orders.Port("kept");
            port["resourceTags"] = new JsonArray(new JsonObject { ["key"] = "env", ["value"] = "lab" });
            var bought = await sim.BuyOk(port, Orders.Mcr(tunnels: 20), Orders.Mve(), Orders.Ix(SeedIds.SydneyPrimary),
                Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary, aVlan: 777));
            mcr = bought[1]!["technicalServiceUid"]!.GetValue<string>();
            // A marketplace VXC waits for approval, then is approved; another is left pending.
            const string acme = "6056de6b-305b-5a91-a432-f2eca2cf88e3"; // Acme Hosting Sydney: VXCs need its approval
            var pending = (await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, acme, name: "to-acme")))[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();
            await sim.BuyOk(Orders.Vxc(SeedIds.SydneySecondary, acme, name: "still-pending"));
            Assert.Equal(200, (await sim.PutAsync($"/v3/product/vxc/{pending}", new { isApproved = true })).Status);
            Assert.Equal(200, (await sim.PutAsync($"/v2/product/{SeedIds.SydneyPrimary}/tags", new { resourceTags = new[] { new { key = "a", value = "b" } } })).Status);
            Assert.Equal(200, (await sim.PostAsync($"/v2/product/{SeedIds.SydneyMcr}/lock", null)).Status);
            Assert.Equal(200, (await sim.PostAsync($"/v3/product/{SeedIds.VxcPortToPort}/action/CANCEL", null)).Status);
            Assert.Equal(200, (await sim.PutAsync($"/v2/product/megaport/{SeedIds.MelbourneCore}", new { name = "Renamed", costCentre = "CC-9" })).Status);
            Assert.Equal(200, (await sim.PostAsync("/v2/service/key", new { productUid = SeedIds.SydneyPrimary, singleUse = true, vlan = 2345, maxSpeed = 100, active = true })).Status);
            using (var forced = await sim.Http.PostAsync($"/_simulator/services/{SeedIds.VxcAwsHostedVif}/status",
                new StringContent("""{"status":"FAILED"}""", System.Text.Encoding.UTF8, "application/json")))
                Assert.True(forced.IsSuccessStatusCode);
            clock.Advance(TimeSpan.FromMilliseconds(1500)); // new services are CONFIGURED now
            products = (await sim.ProductsAsync()).ToJsonString();
            keys = (await sim.GetDataAsync("/v2/service/key")).ToJsonString();
            highestId = (await sim.ProductsAsync()).SelectMany(AllIds).Max();
        }

        await using (var sim = await Start(clock))
        {
            Assert.Equal(products, (await sim.ProductsAsync()).ToJsonString());
            Assert.Equal(keys, (await sim.GetDataAsync("/v2/service/key")).ToJsonString());
            Assert.Equal(20, (await sim.ProductAsync(mcr))["addOns"]![0]!["tunnelCount"]!.GetValue<int>());
            // A token issued before the restart still works; provisioning goes on from where it was.
            using (var resp = await sim.SendAsync(HttpMethod.Get, "/v2/products", token: token)) Assert.Equal(200, (int)resp.StatusCode);
            clock.Advance(TimeSpan.FromMilliseconds(1000));
            Assert.Equal("LIVE", (await sim.ProductAsync(mcr))["provisioningStatus"]!.GetValue<string>());
            var next = (await sim.BuyOk(Orders.Port("after restart")))[0]!["technicalServiceUid"]!.GetValue<string>();
            Assert.True((await sim.ProductAsync(next))["productId"]!.GetValue<int>() > highestId);
        }
    }

    private static IEnumerable<int> AllIds(JsonNode? product) =>
        new[] { product!["productId"]!.GetValue<int>() }
            .Concat(product["associatedVxcs"]!.AsArray().Select(v => v!["productId"]!.GetValue<int>()))
            .Concat(product["associatedIxs"]!.AsArray().Select(v => v!["productId"]!.GetValue<int>()));

    [Fact]
    public async Task Reset_goes_back_to_the_seed_and_the_file_says_so()
    {
        var clock = new ManualClock();
        string seed;
        await using (var sim = await Start(clock))
        {
            seed = (await sim.ProductsAsync()).ToJsonString();
            await sim.BuyOk(Orders.Port("gone after reset"));
            Assert.Equal(200, (await sim.PostAsync("/v2/service/key", new { productUid = SeedIds.SydneyPrimary, maxSpeed = 100, active = true })).Status);
            using (var reset = await sim.Http.PostAsync("/_simulator/reset", null)) Assert.True(reset.IsSuccessStatusCode);
        }
        await using (var sim = await Start(clock))
        {
            Assert.Equal(seed, (await sim.ProductsAsync()).ToJsonString());
            Assert.Single((await sim.GetDataAsync($"/v2/service/key?productIdOrUid={SeedIds.SydneyPrimary}")).AsArray());
        }
        using var db = new SqliteConnection($"Data Source={File()};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT key, value FROM meta";
        var meta = new Dictionary<string, string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) meta[r.GetString(0)] = r.GetString(1);
        Assert.Equal("seed (reset)", meta["origin"]);
        Assert.True(DateTimeOffset.TryParse(meta["resetAt"], out _));
        Assert.Equal("demo", meta["seed"]);
    }

    [Fact]
    public async Task A_file_in_use_made_for_another_seed_or_not_a_state_file_is_refused()
    {
        await using (var first = await Start(new ManualClock()))
        {
            var ex = Assert.Throws<StateFileException>(() => SimulatorApp.Create(new SimulatorOptions { StateFile = File() }));
            Assert.Contains("in use by another simulator", ex.Message);
        }
        var scale = Assert.Throws<StateFileException>(() => SimulatorApp.Create(new SimulatorOptions { StateFile = File(), Scale = new ScaleOptions(0, 2, 0) }));
        Assert.Contains("start with the same --scale", scale.Message);
        await System.IO.File.WriteAllTextAsync(File("junk.db"), "this is not a database, just text that is long enough to look like a header");
        var junk = Assert.Throws<StateFileException>(() => SimulatorApp.Create(new SimulatorOptions { StateFile = File("junk.db") }));
        Assert.Contains("cannot be used as a state file", junk.Message);
        using var child = CommandLineTests.Start("--state-file", File("junk.db"));
        Assert.True(child.WaitForExit(30000));
        Assert.Equal(2, child.ExitCode);
        Assert.Contains("cannot be used as a state file", await child.StandardError.ReadToEndAsync());
    }

    /// <summary>Buys from several clients at once, kills the process hard in the middle, restarts on the same file.</summary>
    [Fact]
    public async Task A_hard_kill_during_concurrent_buys_loses_no_answered_buy_and_leaves_none_half_made()
    {
        var file = File("kill.db");
        var (first, http) = await StartChild(file);
        // Every order has a name prefix; its items are "<order>/<n>", so an order is complete or absent.
        var answered = new ConcurrentDictionary<string, int>();
        var attempted = new ConcurrentDictionary<string, int>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            // Each client buys until the process dies under it.
            for (var i = 0; ; i++)
            {
                var order = $"k{w}-{i}";
                JsonObject[] items = (i % 3) switch
                {
                    0 => [Orders.Port(order + "/1")],
                    1 => [Orders.Port(order + "/1", lag: 2)], // two members, one name
                    _ => [Orders.Port(order + "/1"), Orders.Mcr(order + "/2")],
                };
                var count = i % 3 == 0 ? 1 : 2;
                attempted[order] = count;
                try
                {
                    using var resp = await http.PostAsync("/v4/networkdesign/buy",
                        new StringContent(Orders.Buy(items).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
                    if ((int)resp.StatusCode == 200)
                    {
                        answered[order] = count;
                        // Kill the moment the 60th answer is in: it must already be in the file.
                        if (answered.Count >= 60 && enough.TrySetResult()) first.Kill(entireProcessTree: true);
                    }
                    else Assert.Fail($"buy -> {(int)resp.StatusCode}: {await resp.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException) { return; } // the process is gone
                catch (TaskCanceledException) { return; }
            }
        })).ToArray();
        // SIGKILL (Process.Kill): no shutdown code runs.
        if (await Task.WhenAny(enough.Task, Task.Delay(60000)) != enough.Task) first.Kill(entireProcessTree: true);
        Assert.True(first.WaitForExit(10000));
        await Task.WhenAll(workers);
        Assert.True(answered.Count >= 60, $"only {answered.Count} buys answered");
        Assert.True(attempted.Count > answered.Count, $"no buy went unanswered ({attempted.Count} attempted, {answered.Count} answered)");

        var (second, http2) = await StartChild(file);
        try
        {
            var products = JsonNode.Parse(await http2.GetStringAsync("/v2/products"))!["data"]!.AsArray();
            var byOrder = products.Select(p => p!["productName"]!.GetValue<string>()).Where(n => n.StartsWith('k'))
                .GroupBy(n => n.Split('/')[0]).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (order, count) in answered)
                Assert.True(byOrder.GetValueOrDefault(order) == count, $"{order} was answered 200 but has {byOrder.GetValueOrDefault(order)} of {count} services");
            foreach (var (order, count) in byOrder)
                Assert.True(attempted.GetValueOrDefault(order) == count, $"{order} is half-made: {count} of {attempted.GetValueOrDefault(order)} services");
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            second.WaitForExit(10000);
        }
    }

    private static async Task<(Process, HttpClient)> StartChild(string file)
    {
        var p = CommandLineTests.Start("--port", "0", "--provision-delay", "0", "--state-file", file);
        var read = Task.Run(() => p.StandardOutput.ReadLine());
        Assert.True(await Task.WhenAny(read, Task.Delay(30000)) == read, "no banner within 30 s");
        var line = await read;
        var m = CommandLineTests.Banner().Match(line ?? "");
        Assert.True(m.Success, $"banner: {line}");
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{m.Groups[1].Value}"), Timeout = TimeSpan.FromSeconds(30) };
        using var req = new HttpRequestMessage(HttpMethod.Post, "/oauth2/token?grant_type=client_credentials");
        req.Headers.Authorization = TestSim.Basic(SimulatorOptions.DefaultAccessKey, SimulatorOptions.DefaultSecretKey);
        using var resp = await http.SendAsync(req);
        var token = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (p, http);
    }
}
