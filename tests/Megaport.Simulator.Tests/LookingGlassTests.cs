using System.Text.Json.Nodes;
using Megaport.Simulator.Products;
using Megaport.Simulator.Products.LookingGlass;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>The MCR looking glass and diagnostics: what is synthesized from the state, jobs and operations on a hand-moved clock, limits, errors.</summary>
public class LookingGlassTests
{
    private const string Mcr = "/v2/product/mcr2/" + SeedIds.SydneyMcr;

    private static async Task Configure(TestSim sim, string json)
    {
        using var put = await sim.Http.PutAsync("/_simulator/lookingGlass", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    /// <summary>A VXC from the demo MCR to Sydney Primary whose MCR end has this interface.</summary>
    private static async Task<string> VxcWithInterface(TestSim sim, JsonObject iface, string name = "lg-vxc") =>
        (await sim.BuyOk(Orders.Vxc(SeedIds.SydneyMcr, SeedIds.SydneyPrimary, name: name,
            aConfig: new JsonObject { ["interfaces"] = new JsonArray(iface) })))[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();

    private static JsonObject Bgp(long asn, string peer, string local = "192.168.50.1", bool shutdown = false) => new()
    {
        ["peerAsn"] = asn, ["localIpAddress"] = local, ["peerIpAddress"] = peer, ["shutdown"] = shutdown,
    };

    private static JsonObject Interface(params JsonObject[] bgp) => new()
    {
        ["ipAddresses"] = new JsonArray("192.168.50.1/29"),
        ["ipRoutes"] = new JsonArray(new JsonObject { ["prefix"] = "172.20.0.0/16", ["nextHop"] = "192.168.50.6" }),
        ["bgpConnections"] = new JsonArray(bgp.Select(b => (JsonNode)b).ToArray()),
    };

    private static IEnumerable<JsonObject> Rows(JsonNode data) => data.AsArray().Select(r => r!.AsObject());

    [Fact]
    public async Task Sessions_and_routes_come_from_the_vrouter_config_of_the_mcr_end()
    {
        await using var sim = await TestSim.StartAsync();
        var uid = await VxcWithInterface(sim, Interface(Bgp(65100, "192.168.50.2"), Bgp(65200, "192.168.50.3", shutdown: true)));

        var sessions = Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/bgpSessions")).ToList();
        Assert.Equal(3, sessions.Count); // Azure's, and the two of the new VXC
        var up = sessions.Single(s => (string?)s["neighborAddress"] == "192.168.50.2");
        Assert.Equal("UP", (string?)up["status"]);
        Assert.Equal(65100L, (long)up["neighborAsn"]!);
        Assert.Equal(133937L, (long)up["localAsn"]!);
        Assert.Equal("lg-vxc", (string?)up["vxcName"]);
        Assert.Equal(2 + 65100 % 3, (int)up["prefixesIn"]!);
        var down = sessions.Single(s => (string?)s["neighborAddress"] == "192.168.50.3");
        Assert.Equal("DOWN", (string?)down["status"]);
        Assert.Null(down["uptime"]);
        // Ids are stable per VXC and peer.
        var again = Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/bgpSessions")).Select(s => (string?)s["sessionId"]);
        Assert.Equal(sessions.Select(s => (string?)s["sessionId"]), again);
        Assert.Equal(LookingGlassSynth.SessionId((VxcService)sim.Context.State.Services[uid], "192.168.50.2"), (string?)up["sessionId"]);

        var routes = Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/routes")).ToList();
        string[] Of(string protocol) => routes.Where(r => (string?)r["protocol"] == protocol).Select(r => (string)r["prefix"]!).ToArray();
        Assert.Contains("192.168.50.0/29", Of("CONNECTED"));
        Assert.Contains("192.168.50.1/32", Of("LOCAL"));
        Assert.Equal(new[] { "172.20.0.0/16" }, Of("STATIC"));
        Assert.Contains("10.101.0.0/24", Of("BGP"));                       // 1 + 65100 % 250 = 101
        Assert.DoesNotContain(Of("BGP"), p => p.StartsWith("10.201.", StringComparison.Ordinal)); // the shut-down session teaches nothing
        var bgp = routes.First(r => (string?)r["prefix"] == "10.101.1.0/24");
        Assert.Equal(new long[] { 65100, 64601 }, bgp["asPath"]!.AsArray().Select(a => (long)a!));
        Assert.Equal("192.168.50.2", (string?)bgp["nextHop"]);
    }

    [Fact]
    public async Task A_vxc_ending_on_the_mcr_counts_its_b_end_config_and_goes_down_with_the_vxc()
    {
        await using var sim = await TestSim.StartAsync();
        var bConfig = new JsonObject { ["interfaces"] = new JsonArray(Interface(Bgp(65300, "192.168.50.2"))) };
        var uid = (await sim.BuyOk(Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneyMcr, name: "to-mcr", bConfig: bConfig)))[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();
        var session = Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/bgpSessions")).Single(s => (string?)s["vxcName"] == "to-mcr");
        Assert.Equal("UP", (string?)session["status"]);

        Assert.Equal(200, (await sim.PutAsync("/v3/product/vxc/" + uid, new { shutdown = true })).Status);
        session = Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/bgpSessions")).Single(s => (string?)s["vxcName"] == "to-mcr");
        Assert.Equal("DOWN", (string?)session["status"]);
        Assert.DoesNotContain(Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/routes")), r => (string?)r["vxcName"] == "to-mcr");
    }

    [Fact]
    public async Task Filters_by_protocol_and_ip_address_or_prefix()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.All(Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/routes?protocol=bgp")), r => Assert.Equal("BGP", (string?)r["protocol"]));
        // An address: the routes containing it (the connected /30 and the local /32).
        var byAddress = Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/routes?ip=10.200.0.1")).Select(r => (string?)r["prefix"]);
        Assert.Equal(new[] { "10.200.0.0/30", "10.200.0.1/32" }, byAddress);
        // A prefix: the routes inside it.
        var byPrefix = Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/bgp?ip=" + Uri.EscapeDataString("10.77.0.0/23"))).Select(r => (string?)r["prefix"]);
        Assert.Equal(new[] { "10.77.0.0/24", "10.77.1.0/24" }, byPrefix);
    }

    private sealed class OneList(int id, PrefixListView list) : IPrefixListSource
    {
        public PrefixListView? Find(McrService mcr, int wanted) => wanted == id ? list : null;
    }

    [Fact]
    public async Task Prefix_lists_named_by_a_session_filter_imports_and_exports_and_unknown_lists_filter_nothing()
    {
        await using var sim = await TestSim.StartAsync();
        // Orders may name only the MCR's own lists; the synthesizer below is given its own view of two of them.
        async Task<int> NewList(string name)
        {
            var (status, json) = await sim.PostAsync($"/v2/product/mcr2/{SeedIds.SydneyMcr}/prefixList",
                $$"""{"description":"{{name}}","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0/8"}]}""");
            Assert.True(status == 200, json?.ToJsonString());
            return json!["data"]!["id"]!.GetValue<int>();
        }
        var importId = await NewList("import");
        var exportId = await NewList("export");
        var peer = Bgp(65100, "192.168.50.2");
        peer["importWhitelist"] = importId;    // only 10.101.0.0/24 is taken
        peer["exportBlacklist"] = exportId;    // unknown to the first source: nothing filtered
        await VxcWithInterface(sim, Interface(peer));
        var state = sim.Context.State;
        lock (state.Gate)
        {
            state.Advance(); // the new VXC goes LIVE (no provisioning delay here)
            var mcr = (McrService)state.Services[SeedIds.SydneyMcr];
            var only = new PrefixListView("IPv4", [new PrefixListEntryView("permit", "10.101.0.0/24", null, null)]);
            var lg = new LookingGlassSynth(state, mcr, new OneList(importId, only));
            var session = lg.Sessions.Single(s => s.NeighborAsn == 65100);
            var received = lg.Received(session);
            Assert.Equal(new[] { "10.101.0.0/24" }, received.Where(r => r.Valid).Select(r => r.Prefix));
            Assert.Contains(received, r => !r.Valid);
            Assert.Equal(new[] { "10.101.0.0/24" }, lg.BgpTable().Where(r => r.Session == session).Select(r => r.Prefix));
            var azure = lg.Sessions.Single(s => s.NeighborAsn == 12076);
            Assert.Contains(lg.Advertised(azure), r => r.Prefix == "10.101.0.0/24"); // learned from one neighbor, sent to the other
            Assert.DoesNotContain(lg.Advertised(azure), r => r.Prefix.StartsWith("10.77.", StringComparison.Ordinal)); // not back to where it came from
            Assert.All(lg.Advertised(azure), r => Assert.Equal(133937L, r.AsPath[0]));

            // The same session filtered through an export blacklist that denies 172.20.0.0/16 and longer.
            var deny = new PrefixListView("IPv4", [new PrefixListEntryView("permit", "172.20.0.0/16", null, 32)]);
            var exportFiltered = new LookingGlassSynth(state, mcr, new OneList(exportId, deny));
            var filteredSession = exportFiltered.Sessions.Single(s => s.NeighborAsn == 65100);
            Assert.DoesNotContain(exportFiltered.Advertised(filteredSession), r => r.Prefix == "172.20.0.0/16");
            Assert.Contains(lg.Advertised(session), r => r.Prefix == "172.20.0.0/16");
        }
    }

    [Fact]
    public void Prefix_list_entries_match_with_ge_and_le()
    {
        var list = new PrefixListView("IPv4", [
            new PrefixListEntryView("deny", "10.0.0.0/8", 24, 24),
            new PrefixListEntryView("permit", "10.0.0.0/8", null, 32),
        ]);
        Assert.Equal("deny", list.Evaluate("10.1.2.0/24"));
        Assert.Equal("permit", list.Evaluate("10.1.0.0/16"));
        Assert.Equal("permit", list.Evaluate("10.0.0.0/8"));
        Assert.Null(list.Evaluate("192.168.0.0/16"));
    }

    [Fact]
    public async Task A_job_is_pending_then_processing_then_complete_on_the_clock_and_expires()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(clock: clock);
        await Configure(sim, """{"jobDelayMs":1000}""");
        var sync = (await sim.GetDataAsync(Mcr + "/lookingGlass/routes")).ToJsonString();

        var job = await sim.GetDataAsync(Mcr + "/lookingGlass/routes?async=true");
        Assert.Equal("PENDING", (string?)job["status"]);
        Assert.Null(job["routes"]);
        var path = Mcr + "/lookingGlass/routes/async/" + (string)job["jobId"]!;
        clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal("PROCESSING", (string?)(await sim.GetDataAsync(path))["status"]);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        var done = await sim.GetDataAsync(path);
        Assert.Equal("COMPLETE", (string?)done["status"]);
        Assert.Equal(sync, done["routes"]!.ToJsonString());
        // Another MCR's job path, another kind of job, and an expired job are all unknown.
        Assert.Equal(404, (await sim.CallAsync(HttpMethod.Get, Mcr + "/lookingGlass/bgpSessions/async/" + (string)job["jobId"]!)).Status);
        clock.Advance(TimeSpan.FromMinutes(11));
        var (status, json) = await sim.CallAsync(HttpMethod.Get, path);
        Assert.Equal(404, status);
        Assert.Equal("Not Found", (string?)json!["message"]);
    }

    [Fact]
    public async Task Neighbor_routes_come_as_a_job_and_a_failed_outcome_can_be_configured()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(clock: clock);
        var id = (string)Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/bgpSessions")).Single()["sessionId"]!;
        var received = Rows(await sim.GetDataAsync($"{Mcr}/lookingGlass/bgpSessions/{id}/received")).ToList();
        Assert.Equal(2 + 12076 % 3, received.Count);
        Assert.All(received, r => Assert.True((bool)r["valid"]!));

        var job = await sim.GetDataAsync($"{Mcr}/lookingGlass/bgpSessions/{id}/advertised?async=true");
        clock.Advance(TimeSpan.FromSeconds(1));
        var done = await sim.GetDataAsync($"{Mcr}/lookingGlass/bgpSessions/async/{(string)job["jobId"]!}");
        Assert.Equal("COMPLETE", (string?)done["status"]);
        Assert.Equal("10.200.0.0/30", (string?)done["routes"]![0]!["prefix"]);

        await Configure(sim, """{"jobOutcome":"FAILED"}""");
        job = await sim.GetDataAsync($"{Mcr}/lookingGlass/bgpSessions/{id}/received?async=true");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("FAILED", (string?)(await sim.GetDataAsync($"{Mcr}/lookingGlass/bgpSessions/async/{(string)job["jobId"]!}"))["status"]);
    }

    [Fact]
    public async Task An_operation_answers_null_until_its_result_is_ready()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(clock: clock);
        await Configure(sim, """{"operationDelayMs":2000}""");
        var id = (string)(await sim.GetDataAsync(Mcr + "/diagnostics/ping?destination_address=10.200.0.2&packet_count=4&packet_size=100"))!;
        var poll = Mcr + "/diagnostics/routes/operation?operationId=" + id;
        var (status, pending) = await sim.CallAsync(HttpMethod.Get, poll);
        Assert.Equal(200, status);
        Assert.Null(pending!["data"]);
        clock.Advance(TimeSpan.FromSeconds(2));
        var result = await sim.GetDataAsync(poll);
        var stats = result["statistics"]!;
        Assert.Equal(4, (int)stats["packetsTransmitted"]!);
        Assert.Equal(4, (int)stats["packetsReceived"]!);
        Assert.True((double)stats["rttMinMs"]! <= (double)stats["rttAvgMs"]! && (double)stats["rttAvgMs"]! <= (double)stats["rttMaxMs"]!);
        Assert.Contains("108 bytes from 10.200.0.2", (string?)result["rawOutput"]);

        var trace = (string)(await sim.GetDataAsync(Mcr + "/diagnostics/traceroute?destination_address=10.77.1.9"))!;
        clock.Advance(TimeSpan.FromSeconds(2));
        var hops = (await sim.GetDataAsync(Mcr + "/diagnostics/routes/operation?operationId=" + trace))["hops"]!.AsArray();
        Assert.Equal(new[] { "10.200.0.2", "100.64.89.1", "10.77.1.9" }, hops.Select(h => (string?)h!["probes"]![0]!["host"]));
        Assert.Equal("1", (string?)hops[0]!["hop"]);
    }

    [Fact]
    public async Task Diagnostics_are_rate_limited_per_mcr_with_retry_after_on_the_clock()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(clock: clock);
        await Configure(sim, """{"diagnosticsPerMinute":2}""");
        var ping = Mcr + "/diagnostics/ping?destination_address=10.200.0.2";
        for (var i = 0; i < 2; i++) Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, ping)).Status);
        clock.Advance(TimeSpan.FromSeconds(20));
        using (var refused = await sim.SendAsync(HttpMethod.Get, ping))
        {
            Assert.Equal(429, (int)refused.StatusCode);
            Assert.Equal("40", refused.Headers.GetValues("Retry-After").Single());
            Assert.Equal("Too Many Requests", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["message"]);
        }
        // Another MCR has its own allowance.
        var other = (await sim.BuyOk(Orders.Mcr("lg-other")))[0]!["technicalServiceUid"]!.GetValue<string>();
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, $"/v2/product/mcr2/{other}/diagnostics/traceroute?destination_address=10.0.0.1")).Status);
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, ping)).Status);
    }

    [Fact]
    public async Task Routes_per_session_makes_a_neighbor_teach_a_big_table_that_a_reset_takes_back()
    {
        await using var sim = await TestSim.StartAsync();
        var session = (string)Rows(await sim.GetDataAsync(Mcr + "/lookingGlass/bgpSessions")).First(s => (string?)s["status"] == "UP")["sessionId"]!;
        var received = Mcr + "/lookingGlass/bgpSessions/" + session + "/received";
        var before = Rows(await sim.GetDataAsync(received)).Count();
        await Configure(sim, """{"routesPerSession":3000}""");
        var big = Rows(await sim.GetDataAsync(received)).ToList();
        Assert.Equal(3000, big.Count);
        Assert.Equal(3000, big.Select(r => (string?)r["prefix"]).Distinct().Count());
        Assert.Contains(big, r => ((string?)r["prefix"])!.EndsWith("/32", System.StringComparison.Ordinal));
        Assert.Equal(200, (await sim.PostAsync("/_simulator/reset", null)).Status);
        Assert.Equal(before, Rows(await sim.GetDataAsync(received)).Count());
        var config = JsonNode.Parse(await sim.Http.GetStringAsync("/_simulator/lookingGlass"))!;
        Assert.Equal(0, (int)config["routesPerSession"]!);
    }

    [Fact]
    public async Task Reset_forgets_jobs_operations_and_settings()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(clock: clock);
        await Configure(sim, """{"jobDelayMs":60000,"diagnosticsPerMinute":1}""");
        var job = (string)(await sim.GetDataAsync(Mcr + "/lookingGlass/routes?async=true"))["jobId"]!;
        Assert.Equal(200, (await sim.PostAsync("/_simulator/reset", null)).Status);
        Assert.Equal(404, (await sim.CallAsync(HttpMethod.Get, Mcr + "/lookingGlass/routes/async/" + job)).Status);
        var config = JsonNode.Parse(await sim.Http.GetStringAsync("/_simulator/lookingGlass"))!;
        Assert.Equal(500, (int)config["jobDelayMs"]!);
        Assert.Equal(10, (int)config["diagnosticsPerMinute"]!);
    }

    [Theory]
    [InlineData("/v2/product/mcr2/0b0b0b0b-0000-4000-8000-000000000000/lookingGlass/routes", 400, "Could not find a service with UID")]
    [InlineData("/v2/product/mcr2/" + SeedIds.SydneyPrimary + "/lookingGlass/bgpSessions", 400, "Validation failed")]
    [InlineData(Mcr + "/lookingGlass/routes?protocol=OSPF", 400, "Validation failed")]
    [InlineData(Mcr + "/lookingGlass/routes?ip=10.300.0.0", 400, "Validation failed")]
    [InlineData(Mcr + "/lookingGlass/routes?async=maybe", 400, "Validation failed")]
    [InlineData(Mcr + "/lookingGlass/routes/async/no-such-job", 404, "Not Found")]
    [InlineData(Mcr + "/lookingGlass/bgpSessions/no-such-session/received", 400, "Validation failed")]
    [InlineData(Mcr + "/diagnostics/ping", 400, "Validation failed")]
    [InlineData(Mcr + "/diagnostics/ping?destination_address=10.200.0.2&packet_count=61", 400, "Validation failed")]
    [InlineData(Mcr + "/diagnostics/ping?destination_address=10.200.0.2&packet_size=0", 400, "Validation failed")]
    [InlineData(Mcr + "/diagnostics/traceroute?destination_address=10.200.0.2&source_address=10.9.9.9", 400, "Validation failed")]
    [InlineData(Mcr + "/diagnostics/routes/operation?operationId=nope", 404, "Not Found")]
    public async Task Refusals_come_in_the_api_envelope(string path, int status, string message)
    {
        await using var sim = await TestSim.StartAsync();
        var (got, json) = await sim.CallAsync(HttpMethod.Get, path);
        Assert.Equal(status, got);
        Assert.StartsWith(message, (string?)json!["message"]);
        Assert.NotNull(json["terms"]);
        Assert.True(json.AsObject().ContainsKey("data"));
    }
}
