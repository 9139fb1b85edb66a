using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

public class CatalogueTests
{
    [Fact]
    public async Task Locations_have_the_v3_shape_and_message()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v3/locations");
        Assert.Equal(200, status);
        Assert.Equal("List public locations", json!["message"]!.GetValue<string>());
        var fixture = Fixtures.Load("v3-locations-list.json");
        Fixtures.AssertHasShape(fixture["data"]![0], json["data"]![0]);
        foreach (var l in json["data"]!.AsArray())
        {
            Assert.NotNull(l!["address"]!["country"]);
            Assert.Null(l["country"]); // the country lives in address only
            foreach (var zone in l["diversityZones"]!.AsObject())
                Assert.NotNull(zone.Value!["natGatewaySpeedMbps"]);
        }
    }

    [Fact]
    public async Task Locations_cover_real_sites_metros_and_markets()
    {
        await using var sim = await TestSim.StartAsync();
        var all = (await sim.GetDataAsync("/v3/locations")).AsArray();
        Assert.True(all.Count >= 40);
        Assert.True(all.Select(l => l!["metro"]!.GetValue<string>()).Distinct().Count() >= 10);
        var markets = all.Select(l => l!["market"]!.GetValue<string>()).ToHashSet();
        foreach (var m in new[] { "AU", "NZ", "SG", "HK", "JP", "UK", "DE", "NL", "US", "CA", "BR" }) Assert.Contains(m, markets);
        var gs = all.Single(l => l!["id"]!.GetValue<int>() == 3)!;
        Assert.Equal("Global Switch Sydney", gs["name"]!.GetValue<string>());
        Assert.Equal("400 Harris Street", gs["address"]!["street"]!.GetValue<string>());
        Assert.Equal("Equinix SY1", all.Single(l => l!["id"]!.GetValue<int>() == 2)!["name"]!.GetValue<string>());
        foreach (var name in new[] { "Equinix LD5", "Telehouse North", "CoreSite LA1", "Equinix LA1", "NEXTDC S1" })
            Assert.Contains(all, l => l!["name"]!.GetValue<string>() == name);
        // Some red-only and blue-only sites, 400G somewhere, a zone without 100G somewhere.
        Assert.Contains(all, l => l!["diversityZones"]!["blue"] is null && l["diversityZones"]!["red"] is not null);
        Assert.Contains(all, l => l!["diversityZones"]!["red"] is null && l["diversityZones"]!["blue"] is not null);
        Assert.Contains(all, l => l!["diversityZones"]!.AsObject().Any(z => z.Value!["megaportSpeedMbps"]!.AsArray().Any(s => s!.GetValue<int>() == 400000)));
        Assert.Contains(all, l => l!["diversityZones"]!.AsObject().Any(z => !z.Value!["megaportSpeedMbps"]!.AsArray().Any(s => s!.GetValue<int>() == 100000)));
    }

    [Fact]
    public async Task Location_status_filter()
    {
        await using var sim = await TestSim.StartAsync();
        var all = (await sim.GetDataAsync("/v3/locations")).AsArray();
        var statuses = all.Select(l => l!["status"]!.GetValue<string>()).ToHashSet();
        Assert.Contains("Deployment", statuses);
        Assert.Contains("Expired", statuses);
        var active = (await sim.GetDataAsync("/v3/locations?locationStatuses=Active")).AsArray();
        Assert.All(active, l => Assert.Equal("Active", l!["status"]!.GetValue<string>()));
        Assert.True(active.Count < all.Count);
        var two = (await sim.GetDataAsync("/v3/locations?locationStatuses=Active&locationStatuses=Deployment")).AsArray();
        Assert.Equal(active.Count + all.Count(l => l!["status"]!.GetValue<string>() == "Deployment"), two.Count);
    }

    [Fact]
    public async Task Partner_ports_have_the_fixture_shape_and_cover_clouds()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/dropdowns/partner/megaports");
        Assert.Equal(200, status);
        var fixture = Fixtures.Load("v2-dropdowns-partner-megaports-list.json");
        var ports = json!["data"]!.AsArray();
        Fixtures.AssertHasShape(fixture["data"]![0], ports[0]);

        var syd3 = ports.Where(p => p!["locationId"]!.GetValue<int>() == 3).ToList();
        foreach (var type in new[] { "AWS", "AWSHC" })
            foreach (var zone in new[] { "red", "blue" })
                Assert.Contains(syd3, p => p!["connectType"]!.GetValue<string>() == type && p["diversityZone"]?.GetValue<string>() == zone
                                           && p["vxcPermitted"]!.GetValue<bool>());
        var sydneyIds = new[] { 2, 3, 4, 5, 6, 7 };
        var sydney = ports.Where(p => sydneyIds.Contains(p!["locationId"]!.GetValue<int>())).ToList();
        foreach (var type in new[] { "AZURE", "GOOGLE", "ORACLE", "IBM", "TRANSIT", "DEFAULT" })
            Assert.Contains(sydney, p => p!["connectType"]!.GetValue<string>() == type);
        Assert.Contains(ports, p => p!["title"]!.GetValue<string>() == "AWS Direct Connect (ap-southeast-2) Sydney");
        Assert.Contains(ports, p => p!["title"]!.GetValue<string>() == "Microsoft Azure ExpressRoute Sydney Primary");
        Assert.Contains(ports, p => !p!["vxcPermitted"]!.GetValue<bool>());
        Assert.Contains(ports, p => p!["diversityZone"] is null);
        Assert.Contains(ports, p => p!["companyName"]!.GetValue<string>() == "Acme Hosting");
        Assert.Contains(ports, p => p!["connectType"]!.GetValue<string>() == "TRANSIT" && p["companyName"]!.GetValue<string>() == "Megaport");
    }

    [Theory]
    [InlineData("azure", SeedIds.AzureSydneyKey, 2)]
    [InlineData("azure", SeedIds.AzureLondonKey, 2)]
    [InlineData("google", SeedIds.GoogleSydneyPairingKey, 1)]
    [InlineData("oracle", SeedIds.OracleSydneyOcid, 2)]
    public async Task Csp_key_lookup_returns_partner_ports(string provider, string key, int portCount)
    {
        await using var sim = await TestSim.StartAsync();
        var data = await sim.GetDataAsync($"/v2/secure/{provider}/{key}");
        foreach (var f in new[] { "bandwidth", "bandwidths", "resource_type", "service_key", "vlan", "peers", "megaports" })
            Assert.True(data.AsObject().ContainsKey(f), f);
        var partnerUids = (await sim.GetDataAsync("/v2/dropdowns/partner/megaports")).AsArray()
            .Select(p => p!["productUid"]!.GetValue<string>()).ToHashSet();
        var megaports = data["megaports"]!.AsArray();
        Assert.Equal(portCount, megaports.Count);
        foreach (var m in megaports)
        {
            Assert.Contains(m!["productUid"]!.GetValue<string>(), partnerUids);
            foreach (var f in new[] { "port", "type", "vxc", "productUid", "name", "portSpeed", "locationId", "companyName" })
                Assert.True(m.AsObject().ContainsKey(f), f);
        }
        if (provider == "azure")
            Assert.Equal(["primary", "secondary"], megaports.Select(m => m!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Google_key_may_be_url_encoded()
    {
        await using var sim = await TestSim.StartAsync();
        var data = await sim.GetDataAsync("/v2/secure/google/" + Uri.EscapeDataString(SeedIds.GoogleSydneyPairingKey));
        Assert.Equal(SeedIds.GoogleSydneyPairingKey, data["service_key"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("azure")]
    [InlineData("google")]
    [InlineData("oracle")]
    public async Task Unknown_csp_key_is_400(string provider)
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, $"/v2/secure/{provider}/00000000-0000-0000-0000-000000000000");
        Assert.Equal(400, status);
        Assert.Contains("not found", json!["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mve_images_sizes_and_ixps()
    {
        await using var sim = await TestSim.StartAsync();
        var images = (await sim.GetDataAsync("/v4/product/mve/images"))["mveImages"]!.AsArray();
        var vendors = images.Select(p => p!["vendor"]!.GetValue<string>()).ToHashSet();
        foreach (var v in new[] { "Cisco", "Fortinet", "Palo Alto", "Aruba", "Versa", "VMware", "6WIND", "Aviatrix", "Meraki" })
            Assert.Contains(v, vendors);
        Assert.Contains(images, p => p!["product"]!.GetValue<string>().Contains("Prisma"));
        var img = images[0]!["images"]![0]!;
        foreach (var f in new[] { "id", "version", "productCode", "vendorDescription", "releaseImage", "availableSizes" })
            Assert.True(img.AsObject().ContainsKey(f), f);

        var sizes = (await sim.GetDataAsync("/v3/product/mve/variants")).AsArray();
        Assert.Equal(["SMALL", "MEDIUM", "LARGE", "X_LARGE_12"], sizes.Select(s => s!["size"]!.GetValue<string>()));
        Assert.All(sizes, s => { Assert.NotNull(s!["cpuCoreCount"]); Assert.NotNull(s["ramGB"]); Assert.NotNull(s["bandwidthMbps"]); });

        var ixps = (await sim.GetDataAsync("/v2/ixp")).AsArray();
        var names = ixps.Select(x => x!["name"]!.GetValue<string>()).ToList();
        foreach (var n in new[] { "Sydney IX", "Los Angeles IX", "LINX LON1", "Equinix Ashburn" }) Assert.Contains(n, names);
        Assert.All(ixps, x => { Assert.NotNull(x!["metro"]); Assert.NotNull(x["asn"]); Assert.NotNull(x["ipv4_network"]); });
    }
}
