using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using System.Text;
using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>Request bodies are read as the real API reads them: exact names, unknown names skipped and journaled, last repeat wins.</summary>
public class StrictReadingTests
{
    private static async Task<JsonNode> LastRequest(TestSim sim, string method, string path)
    {
        var log = (await sim.Http.GetFromJsonNode($"/_simulator/requests?method={method}&path={Uri.EscapeDataString(path)}")).AsArray();
        Assert.NotEmpty(log);
        return log[^1]!;
    }

    private static List<string> Ignored(JsonNode entry) => entry["ignoredFields"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_wrongly_cased_required_field_is_ignored_and_the_order_fails_as_if_it_were_missing()
    {
        await using var sim = await TestSim.StartAsync();
        var item = Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary);
        var vxc = item["associatedVxcs"]![0]!.AsObject();
        vxc.Remove("rateLimit");
        vxc["RateLimit"] = 100;
        var (status, json) = await sim.PostAsync("/v4/networkdesign/buy", Orders.Buy(item).ToJsonString());
        Assert.Equal(400, status);
        Assert.Equal("Item 1 (test-vxc): rateLimit is required", json!["data"]!.GetValue<string>());
        var entry = await LastRequest(sim, "POST", "/v4/networkdesign/buy");
        Assert.Equal(["networkDesign[0].associatedVxcs[0].RateLimit"], Ignored(entry));
        Assert.Equal(400, entry["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_fields_are_skipped_and_listed_with_their_paths()
    {
        await using var sim = await TestSim.StartAsync();
        var vxc = Orders.Vxc(SeedIds.SydneyPrimary, Orders.AwsSydneyRed, bConfig: Orders.Aws());
        vxc["associatedVxcs"]![0]!["bEnd"]!["partnerConfig"]!["RateLimit"] = 5;
        vxc["associatedVxcs"]![0]!["colour"] = new JsonObject { ["deep"] = 1 };
        var port = Orders.Port("extra");
        port["ProductName"] = "shadow";
        port["config"]!["diversityzone"] = "blue";
        await sim.BuyOk(vxc, port);
        var entry = await LastRequest(sim, "POST", "/v4/networkdesign/buy");
        Assert.Equal(
            ["networkDesign[0].associatedVxcs[0].bEnd.partnerConfig.RateLimit", "networkDesign[0].associatedVxcs[0].colour",
             "networkDesign[1].ProductName", "networkDesign[1].config.diversityzone"],
            Ignored(entry).Order(StringComparer.Ordinal));
        Assert.Contains((await sim.ProductsAsync()), p => p!["productName"]!.GetValue<string>() == "extra" && p["diversityZone"]!.GetValue<string>() == "red");
    }

    [Fact]
    public async Task The_sample_order_of_every_kind_leaves_nothing_ignored()
    {
        await using var sim = await TestSim.StartAsync();
        var mcrUid = (await sim.BuyOk(Orders.Mcr(tunnels: 10)))[0]!["technicalServiceUid"]!.GetValue<string>();
        var vrouter = new JsonObject
        {
            ["interfaces"] = new JsonArray(new JsonObject
            {
                ["ipAddresses"] = new JsonArray("169.254.0.1/30"), ["bfd"] = new JsonObject { ["txInterval"] = 300, ["rxInterval"] = 300, ["multiplier"] = 3 },
                ["bgpConnections"] = new JsonArray(new JsonObject
                {
                    ["peerAsn"] = 64512, ["localIpAddress"] = "169.254.0.1", ["peerIpAddress"] = "169.254.0.2", ["shutdown"] = false, ["bfdEnabled"] = true,
                }),
            }),
        };
        await sim.BuyOk(Orders.Port(), Orders.Mve(), Orders.Ix(SeedIds.SydneyPrimary),
            Orders.Vxc(SeedIds.SydneyPrimary, Orders.AwsSydneyRed, bConfig: Orders.Aws()),
            Orders.Vxc(mcrUid, SeedIds.SydneySecondary, aConfig: vrouter));
        var log = (await sim.Http.GetFromJsonNode("/_simulator/requests")).AsArray();
        Assert.All(log, r => Assert.Empty(Ignored(r!)));
    }

    [Fact]
    public async Task Service_keys_take_validFor_exactly_and_skip_an_untagged_ValidFor()
    {
        await using var sim = await TestSim.StartAsync();
        // Some clients send both: the tagged validFor (epoch ms) and an untagged copy under ValidFor.
        var body = $$$"""
            {"productUid":"{{{SeedIds.SydneyPrimary}}}","singleUse":false,"maxSpeed":100,"active":true,
             "validFor":{"start":1767225600000,"end":1798761600000},"ValidFor":{"start":"2026-01-01T00:00:00Z","end":null}}
            """;
        var (status, json) = await sim.PostAsync("/v2/service/key", body);
        Assert.True(status == 200, json?.ToJsonString());
        Assert.Equal(1798761600000, json!["data"]!["validFor"]!["end"]!.GetValue<long>());
        Assert.Equal(["ValidFor"], Ignored(await LastRequest(sim, "POST", "/v2/service/key")));

        var key = json["data"]!["key"]!.GetValue<string>();
        (status, json) = await sim.PutAsync("/v2/service/key", $$$"""{"key":"{{{key}}}","active":false,"ValidFor":{},"validFor":{"start":1767225600000,"end":1798761700000}}""");
        Assert.True(status == 200, json?.ToJsonString());
        Assert.False(json!["data"]!["active"]!.GetValue<bool>());
        Assert.Equal(1798761700000, json["data"]!["validFor"]!["end"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_service_key_update_takes_only_what_the_api_changes_and_journals_the_rest_as_ignored()
    {
        await using var sim = await TestSim.StartAsync();
        var key = "4b9a2c1d-8e7f-4a6b-9c5d-3e2f1a0b9c8d";
        var before = await sim.GetDataAsync("/v2/service/key?key=" + key);
        var (status, json) = await sim.PutAsync("/v2/service/key", $$$"""{"key":"{{{key}}}","active":true,"maxSpeed":1,"preApproved":true,"description":"new"}""");
        Assert.True(status == 200, json?.ToJsonString());
        Assert.Equal(before["maxSpeed"]!.GetValue<int>(), json!["data"]!["maxSpeed"]!.GetValue<int>());
        Assert.Equal(before["description"]!.GetValue<string>(), json["data"]!["description"]!.GetValue<string>());
        Assert.Equal(["description", "maxSpeed", "preApproved"], Ignored(await LastRequest(sim, "PUT", "/v2/service/key")).Order());
    }

    [Fact]
    public async Task A_repeated_name_keeps_its_last_value()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PutAsync($"/v2/product/megaport/{SeedIds.SydneyPrimary}", """{"name":"first","name":"second","costCentre":"A","costCentre":"B"}""");
        Assert.True(status == 200, json?.ToJsonString());
        var port = await sim.ProductAsync(SeedIds.SydneyPrimary);
        Assert.Equal("second", port["productName"]!.GetValue<string>());
        Assert.Equal("B", port["costCentre"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_sent_to_an_endpoint_that_takes_none_is_ignored_as_a_whole()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, _) = await sim.PostAsync($"/v2/product/{SeedIds.SydneyPrimary}/lock", """{"locked":true,"reason":"x"}""");
        Assert.Equal(200, status);
        Assert.Equal(["locked", "reason"], Ignored(await LastRequest(sim, "POST", $"/v2/product/{SeedIds.SydneyPrimary}/lock")));
        (status, _) = await sim.PostAsync($"/v3/product/{SeedIds.VxcPortToPort}/action/CANCEL", "[1]");
        Assert.Equal(200, status);
        Assert.Equal(["$"], Ignored(await LastRequest(sim, "POST", $"/v3/product/{SeedIds.VxcPortToPort}/action/CANCEL")));
        await sim.CallAsync(HttpMethod.Get, "/v2/products");
        Assert.Empty(Ignored(await LastRequest(sim, "GET", "/v2/products")));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_the_envelope()
    {
        await using var sim = await TestSim.StartAsync();
        using var req = new HttpRequestMessage(HttpMethod.Put, $"/v2/product/megaport/{SeedIds.SydneyPrimary}")
        {
            Content = new StringContent("""{"name":"x"}""", Encoding.UTF8, "text/plain"),
        };
        req.Headers.Authorization = new("Bearer", await sim.TokenAsync());
        using var resp = await sim.Http.SendAsync(req);
        Assert.Equal(400, (int)resp.StatusCode);
        var json = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
        Assert.Equal("Invalid request", json["message"]!.GetValue<string>());
        Assert.Equal("Content type 'text/plain; charset=utf-8' is not supported: send application/json", json["data"]!.GetValue<string>());
        Assert.Single(resp.Headers.GetValues("Trace-Id"));
    }

    [Fact]
    public async Task The_journal_records_a_500_as_sent()
    {
        await using var sim = await TestSim.StartAsync(configureApp: app => app.MapGet("/v9/boom", IResult () => throw new InvalidOperationException("boom")));
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v9/boom");
        Assert.Equal(500, status);
        Assert.Equal("boom", json!["data"]!.GetValue<string>());
        Assert.Equal(500, (await LastRequest(sim, "GET", "/v9/boom"))["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_percent_encoded_question_mark_starts_the_query()
    {
        await using var sim = await TestSim.StartAsync();
        var key = "4b9a2c1d-8e7f-4a6b-9c5d-3e2f1a0b9c8d";
        var plain = await sim.GetDataAsync("/v2/service/key?key=" + key);
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/service/key%3Fkey=" + key);
        Assert.True(status == 200, json?.ToJsonString());
        Assert.Equal(plain.ToJsonString(), json!["data"]!.ToJsonString());
        (status, json) = await sim.CallAsync(HttpMethod.Get, $"/v2/service/key%3fproductIdOrUid={SeedIds.SydneyPrimary}");
        Assert.True(status == 200, json?.ToJsonString());
        Assert.Single(json!["data"]!.AsArray());
        var entry = await LastRequest(sim, "GET", "/v2/service/key");
        Assert.Equal($"?productIdOrUid={SeedIds.SydneyPrimary}", entry["query"]!.GetValue<string>());
    }
}
