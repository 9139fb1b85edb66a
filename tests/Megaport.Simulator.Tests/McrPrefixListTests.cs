using System.Text.Json.Nodes;
using Megaport.Simulator.Products;
using Megaport.Simulator.Seed;
using static Megaport.Simulator.Tests.Mcr;

namespace Megaport.Simulator.Tests;

public class McrPrefixListTests
{
    private const string M = SeedIds.SydneyMcr;

    [Fact]
    public async Task Create_list_and_read_with_ge_and_le_as_strings()
    {
        await using var sim = await TestSim.StartAsync();
        // As the Go SDK sends it: id 0, ge/le integers; some clients send them as strings.
        var body = PrefixList("Branch offices", "IPv4", Entry("permit", "10.0.0.0/8", 16, 24), Entry("deny", "192.168.0.0/16", le: "32"),
            Entry("permit", "172.16.0.0/12"));
        body["id"] = 0;
        var (status, json) = await sim.PostAsync(List(M), body.ToJsonString());
        Assert.True(status == 200, json?.ToJsonString());
        var created = json!["data"]!;
        var id = created["id"]!.GetValue<int>();
        Assert.Equal(SeedIds.SydneyMcrPrefixList + 1, id);
        Assert.Equal("16", created["entries"]![0]!["ge"]!.GetValue<string>());

        var one = await sim.GetDataAsync(List(M, id));
        Assert.Equal("Branch offices", one["description"]!.GetValue<string>());
        Assert.Equal("IPv4", one["addressFamily"]!.GetValue<string>());
        var entries = one["entries"]!.AsArray();
        Assert.Equal(3, entries.Count);
        Assert.Equal("16", entries[0]!["ge"]!.GetValue<string>());
        Assert.Equal("24", entries[0]!["le"]!.GetValue<string>());
        Assert.Equal("deny", entries[1]!["action"]!.GetValue<string>());
        Assert.False(entries[1]!.AsObject().ContainsKey("ge"));
        Assert.Equal("32", entries[1]!["le"]!.GetValue<string>());
        Assert.False(entries[2]!.AsObject().ContainsKey("ge"));
        Assert.False(entries[2]!.AsObject().ContainsKey("le"));

        var all = (await sim.GetDataAsync(Lists(M))).AsArray();
        Assert.Equal([SeedIds.SydneyMcrPrefixList, id], all.Select(l => l!["id"]!.GetValue<int>()));
        Assert.Equal(["id", "description", "addressFamily"], all[1]!.AsObject().Select(p => p.Key));

        // Nothing the SDK sends is skipped; a looking glass reads the same list from the model.
        var log = (await sim.Http.GetFromJsonNode("/_simulator/requests")).AsArray().Last(r => r!["method"]!.GetValue<string>() == "POST");
        Assert.Empty(log!["ignoredFields"]!.AsArray());
        lock (sim.Context.State.Gate)
            Assert.Equal("Branch offices", ((McrService)sim.Context.State.Services[M]).FindPrefixList(id)!.Description);
    }

    public static TheoryData<string, string> Rules => new()
    {
        { """{"addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0/8"}]}""", "description is required" },
        { """{"description":"azure vnets","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0/8"}]}""", "description 'azure vnets' is already used by prefix list 1001" },
        { """{"description":"x","addressFamily":"IPv5","entries":[{"action":"permit","prefix":"10.0.0.0/8"}]}""", "addressFamily 'IPv5' is invalid" },
        { """{"description":"x","entries":[{"action":"permit","prefix":"10.0.0.0/8"}]}""", "addressFamily is required" },
        { """{"description":"x","addressFamily":"IPv4","entries":[]}""", "entries must hold at least one" },
        { """{"description":"x","addressFamily":"IPv4"}""", "entries must hold at least one" },
        { """{"description":"x","addressFamily":"IPv4","entries":[{"action":"allow","prefix":"10.0.0.0/8"}]}""", "entries[0].action 'allow' is invalid" },
        { """{"description":"x","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0"}]}""", "entries[0].prefix '10.0.0.0' is not a CIDR prefix" },
        { """{"description":"x","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0/8"}]}""", "entries[0].prefix '10.0/8' is not a CIDR prefix" },
        { """{"description":"x","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0/33"}]}""", "is not a CIDR prefix" },
        { """{"description":"x","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0/8"},{"action":"permit","prefix":"2001:db8::/32"}]}""", "entries[1].prefix 2001:db8::/32 is IPv6, but the list is IPv4" },
        { """{"description":"x","addressFamily":"IPv6","entries":[{"action":"permit","prefix":"10.0.0.0/8"}]}""", "is IPv4, but the list is IPv6" },
        { """{"description":"x","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0/16","ge":8}]}""", "entries[0].ge 8 must be between the prefix length 16 and 32" },
        { """{"description":"x","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0/16","ge":24,"le":20}]}""", "entries[0].le 20 must be between ge 24 and 32" },
        { """{"description":"x","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0/16","le":33}]}""", "entries[0].le 33 must be between the prefix length 16 and 32" },
        { """{"description":"x","addressFamily":"IPv6","entries":[{"action":"permit","prefix":"2001:db8::/32","le":129}]}""", "and 128" },
        { """{"description":"x","addressFamily":"IPv4","entries":[{"action":"permit","prefix":"10.0.0.0/16","ge":"sixteen"}]}""", "entries[0].ge must be a whole number" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Prefix_list_rules(string body, string expected)
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PostAsync(List(M), body);
        Assert.True(status == 400, json?.ToJsonString());
        Assert.Equal("Validation failed", json!["message"]!.GetValue<string>());
        Assert.Contains(expected, json["data"]!.GetValue<string>());
        Assert.Single((await sim.GetDataAsync(Lists(M))).AsArray());
    }

    [Fact]
    public async Task At_most_200_entries_and_a_description_of_100()
    {
        await using var sim = await TestSim.StartAsync();
        var many = PrefixList("many", "IPv4", Enumerable.Range(0, 201).Select(n => Entry("permit", $"10.{n}.0.0/16")).ToArray());
        Assert.Contains("a prefix list has at most 200", await sim.Fails(HttpMethod.Post, List(M), many));
        many["entries"]!.AsArray().RemoveAt(0);
        await sim.CreateListAsync(M, many);
        Assert.Contains("at most 100 characters", await sim.Fails(HttpMethod.Post, List(M), PrefixList(new string('d', 101))));
    }

    [Fact]
    public async Task Unknown_mcr_other_products_and_unknown_lists_are_400s()
    {
        await using var sim = await TestSim.StartAsync();
        const string nobody = "00000000-0000-0000-0000-000000000000";
        Assert.StartsWith("Could not find a service with UID " + nobody, await sim.Fails(HttpMethod.Get, Lists(nobody)));
        Assert.StartsWith("Could not find a service with UID", await sim.Fails(HttpMethod.Post, List(nobody), PrefixList("x")));
        Assert.StartsWith("Not supported service type", await sim.Fails(HttpMethod.Get, Lists(SeedIds.SydneyPrimary)));
        Assert.StartsWith("Not supported service type", await sim.Fails(HttpMethod.Post, List(SeedIds.SydneyPrimary), PrefixList("x")));
        Assert.StartsWith("Not supported service type", await sim.Fails(HttpMethod.Delete, List(SeedIds.VxcMcrAzure, 1001)));
        foreach (var id in new[] { "9999", "abc", "-1", "1001.0" })
        {
            Assert.StartsWith($"Could not find prefix list {id} on MCR {M}", await sim.Fails(HttpMethod.Get, List(M, id)));
            Assert.StartsWith($"Could not find prefix list {id}", await sim.Fails(HttpMethod.Put, List(M, id), PrefixList("x")));
            Assert.StartsWith($"Could not find prefix list {id}", await sim.Fails(HttpMethod.Delete, List(M, id)));
        }
    }

    [Fact]
    public async Task Put_replaces_description_and_entries_and_keeps_the_family()
    {
        await using var sim = await TestSim.StartAsync();
        var body = PrefixList("Azure VNets (wider)", "IPv4", Entry("permit", "10.0.0.0/8", le: 24));
        body["id"] = SeedIds.SydneyMcrPrefixList; // the SDK sends the id in the body too
        var (status, json) = await sim.PutAsync(List(M, SeedIds.SydneyMcrPrefixList), body.ToJsonString());
        Assert.True(status == 200, json?.ToJsonString());
        var list = await sim.GetDataAsync(List(M, SeedIds.SydneyMcrPrefixList));
        Assert.Equal("Azure VNets (wider)", list["description"]!.GetValue<string>());
        Assert.Equal("10.0.0.0/8", list["entries"]!.AsArray().Single()!["prefix"]!.GetValue<string>());

        Assert.Contains("addressFamily cannot change: prefix list 1001 is IPv4",
            await sim.Fails(HttpMethod.Put, List(M, SeedIds.SydneyMcrPrefixList), PrefixList("v6", "IPv6")));
        // Without a family the list keeps its own; its own description is no clash.
        var noFamily = PrefixList("Azure VNets (wider)");
        noFamily.Remove("addressFamily");
        Assert.Equal(200, (await sim.PutAsync(List(M, SeedIds.SydneyMcrPrefixList), noFamily.ToJsonString())).Status);
        var other = await sim.CreateListAsync(M, PrefixList("Other"));
        Assert.Contains("already used by prefix list 1001", await sim.Fails(HttpMethod.Put, List(M, other), PrefixList("AZURE VNETS (WIDER)")));
    }

    [Fact]
    public async Task A_list_a_bgp_session_names_cannot_be_deleted_and_ids_are_never_reused()
    {
        await using var sim = await TestSim.StartAsync();
        var refusal = await sim.Fails(HttpMethod.Delete, List(M, SeedIds.SydneyMcrPrefixList));
        Assert.StartsWith("Prefix list 1001 (Azure VNets) is in use and cannot be deleted", refusal);
        Assert.Contains($"the BGP session to 10.200.0.2 (importWhitelist) on VXC Sydney MCR to Azure ({SeedIds.VxcMcrAzure})", refusal);

        await sim.CancelNowAsync(SeedIds.VxcMcrAzure);
        var (status, json) = await sim.CallAsync(HttpMethod.Delete, List(M, SeedIds.SydneyMcrPrefixList));
        Assert.True(status == 200, json?.ToJsonString());
        Assert.StartsWith("Could not find prefix list 1001", await sim.Fails(HttpMethod.Get, List(M, SeedIds.SydneyMcrPrefixList)));
        Assert.Empty((await sim.GetDataAsync(Lists(M))).AsArray());

        var a = await sim.CreateListAsync(M, PrefixList("a"));
        Assert.Equal(200, (await sim.CallAsync(HttpMethod.Delete, List(M, a))).Status);
        var b = await sim.CreateListAsync(M, PrefixList("a"));
        Assert.Equal([1002, 1003], new[] { a, b });
        // Ids are unique across MCRs too.
        var other = (await sim.BuyOk(Orders.Mcr("other-mcr")))[0]!["technicalServiceUid"]!.GetValue<string>();
        Assert.Equal(1004, await sim.CreateListAsync(other, PrefixList("a")));
    }

    [Fact]
    public async Task A_decommissioned_mcr_keeps_its_lists_readable_only_and_reset_restores_the_seed()
    {
        await using var sim = await TestSim.StartAsync();
        await sim.CreateListAsync(M, PrefixList("extra", "IPv6", Entry("deny", "2001:db8::/32", 48, 64)));
        await sim.CancelNowAsync(M);
        Assert.Equal(2, (await sim.GetDataAsync(Lists(M))).AsArray().Count);
        Assert.Contains("is DECOMMISSIONED", await sim.Fails(HttpMethod.Post, List(M), PrefixList("late")));
        Assert.Contains("is DECOMMISSIONED", await sim.Fails(HttpMethod.Delete, List(M, SeedIds.SydneyMcrPrefixList)));

        using (var reset = await sim.Http.PostAsync("/_simulator/reset", null)) Assert.True(reset.IsSuccessStatusCode);
        var lists = (await sim.GetDataAsync(Lists(M))).AsArray();
        Assert.Equal("Azure VNets", lists.Single()!["description"]!.GetValue<string>());
        Assert.Equal(1002, await sim.CreateListAsync(M, PrefixList("after reset")));
    }
}
