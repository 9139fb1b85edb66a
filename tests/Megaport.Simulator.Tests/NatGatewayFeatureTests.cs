using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>A NAT gateway's packet filters, prefix lists and route diagnostics.</summary>
[Collection("NAT gateways")] // one after the other: many short simulators, kept from crowding the timed tests
public class NatGatewayFeatureTests
{
    private const string Gw = "/v3/products/nat_gateways/" + SeedIds.SydneyNatGateway;

    private static JsonObject Filter(params JsonObject[] entries) => new() { ["description"] = "f", ["entries"] = new JsonArray(entries) };

    private static JsonObject Entry(string action = "permit", string src = "0.0.0.0/0", string dst = "10.0.0.0/24", string? ports = null, int? proto = null)
    {
        var e = new JsonObject { ["action"] = action, ["sourceAddress"] = src, ["destinationAddress"] = dst };
        if (ports is not null) e["destinationPorts"] = ports;
        if (proto is not null) e["ipProtocol"] = proto;
        return e;
    }

    private static JsonObject Prefixes(string family, params JsonObject[] entries) =>
        new() { ["description"] = "p", ["addressFamily"] = family, ["entries"] = new JsonArray(entries) };

    private static async Task<string> Refused(TestSim sim, HttpMethod method, string path, JsonNode? body = null, int status = 400)
    {
        var (s, json) = await sim.CallAsync(method, path, body?.ToJsonString());
        Assert.True(s == status, $"{method} {path} -> {s}: {json?.ToJsonString()}");
        return json!["data"]!.GetValue<string>();
    }

    [Fact]
    public async Task Packet_filters_are_created_read_replaced_and_deleted()
    {
        await using var sim = await TestSim.StartAsync();
        var (cs, cj) = await sim.PostAsync(Gw + "/packet_filters", Filter(Entry(ports: "443", proto: 6), Entry("deny", dst: "0.0.0.0/0")).ToJsonString());
        Assert.Equal(200, cs);
        var id = cj!["data"]!["id"]!.GetValue<int>();
        Assert.Equal(2, cj["data"]!["entries"]!.AsArray().Count);
        Assert.Equal(6, cj["data"]!["entries"]![0]!["ipProtocol"]!.GetValue<int>());

        var summaries = (await sim.GetDataAsync(Gw + "/packet_filter_summaries")).AsArray();
        Assert.Equal(["permit-https", "f"], summaries.Select(x => x!["description"]!.GetValue<string>()));
        var (us, uj) = await sim.PutAsync($"{Gw}/packet_filters/{id}", Filter(Entry(ports: "1000-2000,8080")).ToJsonString());
        Assert.Equal(200, us);
        Assert.Equal("1000-2000,8080", uj!["data"]!["entries"]![0]!["destinationPorts"]!.GetValue<string>());
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Delete, $"{Gw}/packet_filters/{id}")).Status);
        Assert.Equal($"Packet filter {id} was not found on NAT gateway {SeedIds.SydneyNatGateway}",
            await Refused(sim, HttpMethod.Get, $"{Gw}/packet_filters/{id}", status: 404));
    }

    [Theory]
    [InlineData("allow", "0.0.0.0/0", "10.0.0.0/24", null, null, "entries[0].action 'allow' is invalid (permit or deny)")]
    [InlineData("permit", "10.0.0.0", "10.0.0.0/24", null, null, "entries[0].sourceAddress '10.0.0.0' is not an address with a prefix length (10.0.0.0/24)")]
    [InlineData("permit", "0.0.0.0/0", "10.0.0.0/33", null, null, "entries[0].destinationAddress '10.0.0.0/33' has a prefix length beyond 32")]
    [InlineData("permit", "0.0.0.0/0", "10.0.0.0/24", "70000", null, "entries[0].destinationPorts '70000' is invalid: ports 0-65535 as 443, 1000-2000 or 80,443")]
    [InlineData("permit", "0.0.0.0/0", "10.0.0.0/24", "2000-1000", null, "entries[0].destinationPorts '2000-1000' is invalid: ports 0-65535 as 443, 1000-2000 or 80,443")]
    [InlineData("permit", "0.0.0.0/0", "10.0.0.0/24", null, 300, "entries[0].ipProtocol 300 is invalid (0-255)")]
    public async Task Packet_filter_entries_follow_the_apis_syntax(string action, string src, string dst, string? ports, int? proto, string detail)
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Equal(detail, await Refused(sim, HttpMethod.Post, Gw + "/packet_filters", Filter(Entry(action, src, dst, ports, proto))));
    }

    [Fact]
    public async Task A_filter_needs_a_description_and_entries_and_deleting_it_detaches_it_from_vxc_interfaces()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Equal("description is required", await Refused(sim, HttpMethod.Post, Gw + "/packet_filters", new JsonObject { ["entries"] = new JsonArray(Entry()) }));
        Assert.Equal("entries must hold at least one entry", await Refused(sim, HttpMethod.Post, Gw + "/packet_filters", Filter()));

        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Delete, Gw + "/packet_filters/1")).Status);
        lock (sim.Context.State.Gate)
        {
            var vxc = (Products.VxcService)sim.Context.State.Services[SeedIds.VxcNatToPrimary];
            Assert.Null(vxc.APartnerConfig!["interfaces"]![0]!["packetFilterIn"]);
        }
    }

    [Fact]
    public async Task Prefix_lists_carry_ge_and_le_as_text_both_ways_and_check_them()
    {
        await using var sim = await TestSim.StartAsync();
        var (cs, cj) = await sim.PostAsync(Gw + "/prefix_lists", Prefixes("IPv4",
            new JsonObject { ["action"] = "permit", ["prefix"] = "10.0.0.0/8", ["ge"] = "24", ["le"] = "32" }).ToJsonString());
        Assert.Equal(200, cs);
        Fixtures.AssertHasShape(Fixtures.Load("v3-products-nat-gateways-prefix-list-response.json")["data"], cj!["data"]);
        Assert.Equal("24", cj["data"]!["entries"]![0]!["ge"]!.GetValue<string>());
        var seeded = await sim.GetDataAsync(Gw + "/prefix_lists/2");
        Assert.Equal("32", seeded["entries"]![0]!["le"]!.GetValue<string>());
        Assert.Equal(["private-v4", "p"], (await sim.GetDataAsync(Gw + "/prefix_list_summaries")).AsArray().Select(x => x!["description"]!.GetValue<string>()));

        JsonObject E(string prefix, string? ge = null, string? le = null)
        {
            var e = new JsonObject { ["action"] = "permit", ["prefix"] = prefix };
            if (ge is not null) e["ge"] = ge;
            if (le is not null) e["le"] = le;
            return e;
        }
        // The same entry rules as an MCR's lists, in the same words.
        Assert.Equal("entries[0].prefix 2001:db8::/32 is IPv6, but the list is IPv4", await Refused(sim, HttpMethod.Post, Gw + "/prefix_lists", Prefixes("IPv4", E("2001:db8::/32"))));
        Assert.Equal("entries[0].ge 4 must be between the prefix length 8 and 32", await Refused(sim, HttpMethod.Post, Gw + "/prefix_lists", Prefixes("IPv4", E("10.0.0.0/8", "4"))));
        Assert.Equal("entries[0].le 20 must be between ge 24 and 32", await Refused(sim, HttpMethod.Post, Gw + "/prefix_lists", Prefixes("IPv4", E("10.0.0.0/8", "24", "20"))));
        Assert.Equal("entries[0].le 33 must be between the prefix length 8 and 32", await Refused(sim, HttpMethod.Post, Gw + "/prefix_lists", Prefixes("IPv4", E("10.0.0.0/8", le: "33"))));
        Assert.Equal("entries[0].le 'x' is not a prefix length (a whole number, as text)", await Refused(sim, HttpMethod.Post, Gw + "/prefix_lists", Prefixes("IPv4", E("10.0.0.0/8", le: "x"))));
        Assert.Equal("addressFamily 'IPv5' is invalid (IPv4 or IPv6)", await Refused(sim, HttpMethod.Post, Gw + "/prefix_lists", Prefixes("IPv5", E("10.0.0.0/8"))));
        var (v6, _) = await sim.PostAsync(Gw + "/prefix_lists", Prefixes("IPv6", E("2001:db8::/32", "48", "64")).ToJsonString());
        Assert.Equal(200, v6);
    }

    [Fact]
    public async Task A_locked_gateway_refuses_list_changes()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Equal(200, (await sim.PostAsync($"/v2/product/{SeedIds.SydneyNatGateway}/lock", null)).Status);
        var (s, json) = await sim.PostAsync(Gw + "/packet_filters", Filter(Entry()).ToJsonString());
        Assert.Equal(400, s);
        Assert.StartsWith("Service locked", json!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Diagnostics_answer_an_operation_that_has_routes_after_the_delay()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(o => o.ProvisionDelayMs = 2000, clock);
        var op = (await sim.GetDataAsync(Gw + "/diagnostics/routes/ip")).GetValue<string>();
        var pending = await sim.GetDataAsync($"{Gw}/diagnostics/routes/operation?operationId={op}");
        Assert.Empty(pending.AsArray());
        clock.Advance(TimeSpan.FromSeconds(2));
        var routes = (await sim.GetDataAsync($"{Gw}/diagnostics/routes/operation?operationId={op}")).AsArray();
        Assert.Equal(["0.0.0.0/0", "10.0.0.0/30", "172.16.0.0/16", "192.168.100.0/24"], routes.Select(r => r!["prefix"]!.GetValue<string>()));
        Assert.Equal("CONNECTED", routes[1]!["protocol"]!.GetValue<string>());
        Assert.Equal(SeedIds.VxcNatToPrimary, routes[1]!["nextHop"]!["vxc"]!["id"]!.GetValue<string>());

        op = (await sim.GetDataAsync(Gw + "/diagnostics/routes/bgp?ip_address=192.168.100.7")).GetValue<string>();
        clock.Advance(TimeSpan.FromSeconds(2));
        var bgp = (await sim.GetDataAsync($"{Gw}/diagnostics/routes/operation?operationId={op}")).AsArray();
        var only = Assert.Single(bgp);
        Fixtures.AssertHasShape(Fixtures.Load("v3-products-nat-gateways-diagnostics-bgp-response.json")["data"]![0], only);
        Assert.Equal("65000", only!["asPath"]!.GetValue<string>());

        op = (await sim.GetDataAsync(Gw + "/diagnostics/routes/bgp/neighbor?direction=ADVERTISED&peer_ip_address=10.0.0.2")).GetValue<string>();
        clock.Advance(TimeSpan.FromSeconds(2));
        var advertised = Assert.Single((await sim.GetDataAsync($"{Gw}/diagnostics/routes/operation?operationId={op}")).AsArray());
        Assert.Equal("64512", advertised!["asPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task Diagnostics_refuse_bad_queries_designs_and_too_many_requests()
    {
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(clock: clock);
        Assert.Equal("ip_address 'x' is not an IP address", await Refused(sim, HttpMethod.Get, Gw + "/diagnostics/routes/ip?ip_address=x"));
        Assert.Equal("direction must be RECEIVED or ADVERTISED", await Refused(sim, HttpMethod.Get, Gw + "/diagnostics/routes/bgp/neighbor?peer_ip_address=10.0.0.2"));
        Assert.Equal($"peer_ip_address 10.9.9.9 is not a BGP peer of NAT gateway {SeedIds.SydneyNatGateway}",
            await Refused(sim, HttpMethod.Get, Gw + "/diagnostics/routes/bgp/neighbor?direction=RECEIVED&peer_ip_address=10.9.9.9"));
        Assert.Equal("operationId nope was not found", await Refused(sim, HttpMethod.Get, Gw + "/diagnostics/routes/operation?operationId=nope"));
        Assert.Equal($"NAT gateway {SeedIds.MelbourneNatDesign} is DESIGN: diagnostics need a provisioned gateway",
            await Refused(sim, HttpMethod.Get, $"/v3/products/nat_gateways/{SeedIds.MelbourneNatDesign}/diagnostics/routes/ip"));

        for (var i = 0; i < 10; i++) Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, Gw + "/diagnostics/routes/ip")).Status);
        using var limited = await sim.SendAsync(HttpMethod.Get, Gw + "/diagnostics/routes/bgp");
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Get, Gw + "/diagnostics/routes/bgp")).Status);
    }
}
