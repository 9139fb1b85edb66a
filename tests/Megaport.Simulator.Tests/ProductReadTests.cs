using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

public class ProductReadTests
{
    private static JsonObject FindVxc(JsonArray products, string uid) =>
        products.SelectMany(p => p!["associatedVxcs"]!.AsArray()).First(v => v!["productUid"]!.GetValue<string>() == uid)!.AsObject();

    [Fact]
    public async Task Products_list_matches_fixture_shape_and_holds_every_kind()
    {
        await using var sim = await TestSim.StartAsync();
        var products = await sim.ProductsAsync();
        var fixture = Fixtures.Load("v2-products-list-ports.json");
        var port = products.First(p => p!["productUid"]!.GetValue<string>() == SeedIds.SydneyPrimary);
        Fixtures.AssertHasShape(fixture["data"]![0], port);

        var types = products.Select(p => p!["productType"]!.GetValue<string>()).ToList();
        Assert.Contains("MEGAPORT", types);
        Assert.Contains("megaport", types); // quirk: lower case on at least one port
        Assert.Contains("MCR2", types);
        Assert.Contains("MVE", types);
        Assert.Contains("MEGADIRECT", types);
        var statuses = products.Select(p => p!["provisioningStatus"]!.GetValue<string>()).ToList();
        Assert.Contains("DECOMMISSIONED", statuses);
        Assert.All(products, p => Assert.True(p!.AsObject().ContainsKey("associatedVxcs") && p.AsObject().ContainsKey("associatedIxs")));
        Assert.All(products.Where(p => p!["productType"]!.GetValue<string>().Equals("MEGAPORT", StringComparison.OrdinalIgnoreCase)),
            p => Assert.True(p!.AsObject().ContainsKey("vxcpermitted")));
    }

    [Fact]
    public async Task Products_list_reproduces_the_quirks()
    {
        await using var sim = await TestSim.StartAsync();
        var products = await sim.ProductsAsync();
        var zones = products.Where(p => p!["productType"]!.GetValue<string>().Equals("megaport", StringComparison.OrdinalIgnoreCase))
            .Select(p => p!["diversityZone"]).ToList();
        Assert.Contains(zones, z => z is null);
        Assert.Contains(zones, z => z?.GetValue<string>() == "");

        Assert.True(FindVxc(products, SeedIds.VxcAwsHostedVif)["resources"]!["csp_connection"] is JsonObject);
        var hc = FindVxc(products, SeedIds.VxcAwsHostedConnection)["resources"]!["csp_connection"];
        Assert.True(hc is JsonArray { Count: 1 });
        Assert.Equal("AWSHC", hc![0]!["connectType"]!.GetValue<string>());
        var old = FindVxc(products, SeedIds.VxcDecommissioned);
        Assert.Equal("DECOMMISSIONED", old["provisioningStatus"]!.GetValue<string>());
        Assert.True(old["resources"]!["vll"] is JsonArray { Count: 0 });
        Assert.Equal("CANCELLED", FindVxc(products, SeedIds.VxcCancelled)["provisioningStatus"]!.GetValue<string>());
        Assert.True(products[0]!["createDate"]!.GetValue<long>() > 1_000_000_000_000); // epoch milliseconds
        Assert.NotNull(products[0]!["rateType"]); // an extra field clients must ignore
    }

    [Fact]
    public async Task Vxc_between_own_ports_is_nested_under_both_ends()
    {
        await using var sim = await TestSim.StartAsync();
        var products = await sim.ProductsAsync();
        JsonArray VxcsOf(string uid) => products.First(p => p!["productUid"]!.GetValue<string>() == uid)!["associatedVxcs"]!.AsArray();
        Assert.Contains(VxcsOf(SeedIds.SydneyPrimary), v => v!["productUid"]!.GetValue<string>() == SeedIds.VxcPortToPort);
        Assert.Contains(VxcsOf(SeedIds.SydneySecondary), v => v!["productUid"]!.GetValue<string>() == SeedIds.VxcPortToPort);
        Assert.Contains(VxcsOf(SeedIds.SydneyMcr), v => v!["productUid"]!.GetValue<string>() == SeedIds.VxcMcrAzure);
        var ixs = products.First(p => p!["productUid"]!.GetValue<string>() == SeedIds.SydneyPrimary)!["associatedIxs"]!.AsArray();
        Assert.Contains(ixs, ix => ix!["productUid"]!.GetValue<string>() == SeedIds.SydneyIx);
    }

    [Fact]
    public async Task Lag_members_share_aggregation_id_and_one_is_primary()
    {
        await using var sim = await TestSim.StartAsync();
        var products = await sim.ProductsAsync();
        var lag = products.Where(p => p!["aggregationId"]?.GetValue<int>() == 52071).ToList();
        Assert.Equal(2, lag.Count);
        Assert.Single(lag, p => p!["lagPrimary"]!.GetValue<bool>());
        Assert.All(lag, p => Assert.Equal(52071, p!["lagId"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Mcr_has_vrouter_resources_and_default_asn()
    {
        await using var sim = await TestSim.StartAsync();
        var mcr = await sim.ProductAsync(SeedIds.SydneyMcr);
        Assert.Equal("MCR2", mcr["productType"]!.GetValue<string>());
        Assert.Equal("VROUTER", mcr["connectType"]!.GetValue<string>());
        Assert.Equal(133937, mcr["resources"]!["virtual_router"]!["mcrAsn"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_product_by_uid_for_every_kind()
    {
        await using var sim = await TestSim.StartAsync();
        var cases = new (string Uid, string Type)[]
        {
            (SeedIds.SydneyPrimary, "MEGAPORT"), (SeedIds.VxcPortToPort, "VXC"), (SeedIds.SydneyIx, "IX"),
            (SeedIds.SydneyMcr, "MCR2"), (SeedIds.SydneyMve, "MVE"), (SeedIds.MegaDirect, "MEGADIRECT"),
            (SeedIds.DecommissionedPort, "MEGAPORT"),
        };
        foreach (var (uid, type) in cases)
        {
            var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/product/" + uid);
            Assert.Equal(200, status);
            Assert.Equal($"Found Product {uid}", json!["message"]!.GetValue<string>());
            Assert.Equal(type, json["data"]!["productType"]!.GetValue<string>());
        }
        Assert.Equal("DECOMMISSIONED", (await sim.ProductAsync(SeedIds.DecommissionedPort))["provisioningStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_product_shapes_match_fixtures()
    {
        await using var sim = await TestSim.StartAsync();
        Fixtures.AssertHasShape(Fixtures.Load("v2-product-get-port.json")["data"], await sim.ProductAsync(SeedIds.LagPrimary));
        var vxcFixture = Fixtures.Load("v2-product-get-vxc-awshc.json")["data"]!.DeepClone().AsObject();
        Fixtures.AssertHasShape(vxcFixture, await sim.ProductAsync(SeedIds.VxcAwsHostedConnection));
    }

    [Fact]
    public async Task Unknown_uid_is_the_400_not_found_quirk()
    {
        await using var sim = await TestSim.StartAsync();
        const string uid = "00000000-1111-2222-3333-444444444444";
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/product/" + uid);
        Assert.Equal(400, status);
        Assert.Equal($"Could not find a service with UID {uid}", json!["message"]!.GetValue<string>());
        Assert.Null(json["data"]);
        Assert.True(json.AsObject().ContainsKey("data"));
    }

    [Fact]
    public async Task Partner_port_is_not_readable_as_a_product()
    {
        await using var sim = await TestSim.StartAsync();
        var partner = (await sim.GetDataAsync("/v2/dropdowns/partner/megaports")).AsArray()[0]!["productUid"]!.GetValue<string>();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/product/" + partner);
        Assert.Equal(400, status);
        Assert.StartsWith("Could not find a service with UID", json!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Vxcs_list_their_ends_interfaces_and_an_ix_interface_shows_its_shutdown()
    {
        await using var sim = await TestSim.StartAsync();
        var vxc = await sim.ProductAsync(SeedIds.VxcPortToPort);
        var interfaces = vxc["resources"]!["interface"]!.AsArray();
        Assert.Equal(2, interfaces.Count); // both ends are the account's ports
        Assert.Equal(10000, interfaces[0]!["port_speed"]!.GetValue<int>());
        Assert.Equal("Sydney Primary", interfaces[0]!["name"]!.GetValue<string>());
        var aws = await sim.ProductAsync(SeedIds.VxcAwsHostedVif);
        Assert.Single(aws["resources"]!["interface"]!.AsArray()); // the AWS end is not ours

        var ix = await sim.ProductAsync(SeedIds.SydneyIx);
        Assert.False(ix["resources"]!["interface"]!["shutdown"]!.GetValue<bool>());
        var (status, _) = await sim.PutAsync($"/v2/product/ix/{SeedIds.SydneyIx}", new { shutdown = true });
        Assert.Equal(200, status);
        Assert.True((await sim.ProductAsync(SeedIds.SydneyIx))["resources"]!["interface"]!["shutdown"]!.GetValue<bool>());
    }
}
