using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>Builders for order items in the wire shapes clients send.</summary>
public static class Orders
{
    public static JsonObject Port(string name = "test-port", int location = 3, int speed = 10000, int term = 12, string? zone = "red", int lag = 0)
    {
        var o = new JsonObject
        {
            ["productName"] = name, ["term"] = term, ["productType"] = "MEGAPORT", ["portSpeed"] = speed, ["locationId"] = location,
            ["createDate"] = 0, ["virtual"] = false, ["market"] = "", ["marketplaceVisibility"] = false,
            ["config"] = zone is null ? new JsonObject() : new JsonObject { ["diversityZone"] = zone },
        };
        if (lag > 0) o["lagPortCount"] = lag;
        return o;
    }

    public static JsonObject Vxc(string aUid, string? bUid, string name = "test-vxc", int rate = 100, int term = 1,
        int aVlan = 0, int bVlan = 0, JsonObject? bConfig = null, JsonObject? aConfig = null, string? serviceKey = null)
    {
        var aEnd = new JsonObject();
        if (aVlan != 0) aEnd["vlan"] = aVlan;
        if (aConfig is not null) aEnd["partnerConfig"] = aConfig;
        var bEnd = new JsonObject();
        if (bUid is not null) bEnd["productUid"] = bUid;
        if (bVlan != 0) bEnd["vlan"] = bVlan;
        if (bConfig is not null) bEnd["partnerConfig"] = bConfig;
        var vxc = new JsonObject
        {
            ["productName"] = name, ["rateLimit"] = rate, ["term"] = term, ["shutdown"] = false, ["aEnd"] = aEnd, ["bEnd"] = bEnd,
        };
        if (serviceKey is not null) vxc["serviceKey"] = serviceKey;
        return new JsonObject { ["productUid"] = aUid, ["associatedVxcs"] = new JsonArray(vxc) };
    }

    public static JsonObject Aws(string account = "123456789012", int asn = 65010) => new()
    {
        ["connectType"] = "AWS", ["type"] = "private", ["ownerAccount"] = account, ["asn"] = asn, ["amazonAsn"] = 64512,
    };

    public static JsonObject Ix(string portUid, string name = "test-ix", string type = "Sydney IX", int rate = 500, int vlan = 0,
        string mac = "00:11:22:33:44:55", long asn = 65123) => new()
    {
        ["productUid"] = portUid,
        ["associatedIxs"] = new JsonArray(new JsonObject
        {
            ["productName"] = name, ["networkServiceType"] = type, ["asn"] = asn, ["macAddress"] = mac, ["rateLimit"] = rate,
            ["vlan"] = vlan, ["shutdown"] = false,
        }),
    };

    public static JsonObject Mcr(string name = "test-mcr", int location = 2, int speed = 1000, int term = 12, long? asn = null, int? tunnels = null)
    {
        var config = new JsonObject();
        if (asn is not null) config["mcrAsn"] = asn;
        var o = new JsonObject
        {
            ["locationId"] = location, ["productName"] = name, ["term"] = term, ["productType"] = "MCR2", ["portSpeed"] = speed,
            ["costCentre"] = "", ["config"] = config,
        };
        if (tunnels is not null) o["addOns"] = new JsonArray(new JsonObject { ["addOnType"] = "IP_SEC", ["tunnelCount"] = tunnels });
        return o;
    }

    public static JsonObject Mve(string name = "test-mve", int location = 4, string vendor = "cisco", int imageId = 92, string size = "SMALL") => new()
    {
        ["locationId"] = location, ["productName"] = name, ["term"] = 12, ["productType"] = "MVE",
        ["vnics"] = new JsonArray(new JsonObject { ["description"] = "Data Plane", ["vlan"] = 0 }),
        ["vendorConfig"] = new JsonObject { ["vendor"] = vendor, ["imageId"] = imageId, ["productSize"] = size, ["mveLabel"] = "MVE 2/8" },
        ["config"] = new JsonObject(),
    };

    public static JsonObject Buy(params JsonObject[] items) => new()
    {
        ["networkDesign"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()), ["discountCodes"] = new JsonArray(),
    };

    /// <summary>A NAT gateway design as POST /v3/products/nat_gateways takes it (and, whole, as its PUT does).</summary>
    public static JsonObject NatGateway(string name = "test-nat", int location = 3, int speed = 1000, int sessions = 4000, int term = 12,
        string? zone = "red", long asn = 0) => new()
    {
        ["productName"] = name, ["locationId"] = location, ["speed"] = speed, ["term"] = term, ["autoRenewTerm"] = false,
        ["config"] = new JsonObject { ["asn"] = asn, ["bgpShutdownDefault"] = false, ["diversityZone"] = zone, ["sessionCount"] = sessions },
    };

    /// <summary>The same gateway as a validate line (priced without a design).</summary>
    public static JsonObject NatGatewayLine(string name = "test-nat", int speed = 1000, int sessions = 4000)
    {
        var line = NatGateway(name, speed: speed, sessions: sessions);
        line["productType"] = "NAT_GATEWAY";
        return line;
    }

    /// <summary>Creates a NAT gateway design; its UID.</summary>
    public static async Task<string> NatDesignOk(this TestSim sim, JsonObject? design = null)
    {
        var (status, json) = await sim.PostAsync("/v3/products/nat_gateways", (design ?? NatGateway()).ToJsonString());
        Assert.True(status == 200, $"create -> {status}: {json?.ToJsonString()}");
        Assert.Equal("DESIGN", json!["data"]!["provisioningStatus"]!.GetValue<string>());
        return json["data"]!["productUid"]!.GetValue<string>();
    }

    /// <summary>Buys designs with the v3 bare-array buy.</summary>
    public static async Task<JsonArray> BuyDesignsOk(this TestSim sim, params string[] uids)
    {
        var body = new JsonArray(uids.Select(u => (JsonNode)new JsonObject { ["productUid"] = u }).ToArray());
        var (status, json) = await sim.PostAsync("/v3/networkdesign/buy", body.ToJsonString());
        Assert.True(status == 200, $"v3 buy -> {status}: {json?.ToJsonString()}");
        return json!["data"]!.AsArray();
    }

    public static JsonArray Design(params JsonObject[] items) => new(items.Select(i => (JsonNode)i.DeepClone()).ToArray());

    public static async Task<JsonArray> BuyOk(this TestSim sim, params JsonObject[] items)
    {
        var (status, json) = await sim.PostAsync("/v4/networkdesign/buy", Buy(items).ToJsonString());
        Assert.True(status == 200, $"buy -> {status}: {json?.ToJsonString()}");
        return json!["data"]!.AsArray();
    }

    /// <summary>Runs the items through validate AND buy; both must fail with 400 "Validation failed" and this detail.</summary>
    public static async Task<string> BothFail(this TestSim sim, params JsonObject[] items)
    {
        var (vs, vj) = await sim.PostAsync("/v3/networkdesign/validate", Design(items).ToJsonString());
        Assert.True(vs == 400, $"validate -> {vs}: {vj?.ToJsonString()}");
        Assert.Equal("Validation failed", vj!["message"]!.GetValue<string>());
        var (bs, bj) = await sim.PostAsync("/v4/networkdesign/buy", Buy(items).ToJsonString());
        Assert.True(bs == 400, $"buy -> {bs}: {bj?.ToJsonString()}");
        Assert.Equal(vj["data"]!.GetValue<string>(), bj!["data"]!.GetValue<string>());
        return vj["data"]!.GetValue<string>();
    }

    public static string AwsSydneyRed => SeedPartners.Uid("AWS", "Sydney", "red");
}
