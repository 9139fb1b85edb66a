using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>Builders and calls for the MCR tests: prefix lists, vRouter interfaces, IPsec tunnels, refusals.</summary>
public static class Mcr
{
    public static readonly string InternetSydneyRed = SeedPartners.Uid("TRANSIT", "Sydney", "red");

    public static string Lists(string mcr) => $"/v2/product/mcr2/{mcr}/prefixLists";
    public static string List(string mcr, object? id = null) => $"/v2/product/mcr2/{mcr}/prefixList" + (id is null ? "" : $"/{id}");

    public static JsonObject PrefixList(string description, string family = "IPv4", params JsonObject[] entries) => new()
    {
        ["description"] = description, ["addressFamily"] = family,
        ["entries"] = new JsonArray((entries.Length == 0 ? new[] { Entry("permit", family == "IPv4" ? "10.0.0.0/8" : "2001:db8::/32") } : entries)
            .Select(e => (JsonNode)e).ToArray()),
    };

    public static JsonObject Entry(string action, string prefix, JsonNode? ge = null, JsonNode? le = null)
    {
        var e = new JsonObject { ["action"] = action, ["prefix"] = prefix };
        if (ge is not null) e["ge"] = ge;
        if (le is not null) e["le"] = le;
        return e;
    }

    public static async Task<int> CreateListAsync(this TestSim sim, string mcr, JsonObject list)
    {
        var (status, json) = await sim.PostAsync(List(mcr), list.ToJsonString());
        Assert.True(status == 200, json?.ToJsonString());
        return json!["data"]!["id"]!.GetValue<int>();
    }

    /// <summary>One sub-interface with a BGP session from <paramref name="local"/> (its own address) to <paramref name="peer"/>.</summary>
    public static JsonObject Bgp(string cidr = "169.254.10.1/30", string peer = "169.254.10.2", Action<JsonObject>? session = null, Action<JsonObject>? iface = null)
    {
        var b = new JsonObject
        {
            ["peerAsn"] = 64512, ["localIpAddress"] = cidr.Split('/')[0], ["peerIpAddress"] = peer, ["shutdown"] = false, ["bfdEnabled"] = false,
        };
        session?.Invoke(b);
        var i = new JsonObject { ["ipAddresses"] = new JsonArray(cidr), ["bgpConnections"] = new JsonArray(b) };
        iface?.Invoke(i);
        return new JsonObject { ["interfaces"] = new JsonArray(i) };
    }

    /// <summary>The A-End of IPsec tunnels as the module sends it: the source address on a sub-interface, then one ipSecTunnel interface per tunnel.</summary>
    public static JsonObject Tunnels(int count, Action<JsonObject>? options = null, string source = "192.0.2.1")
    {
        var interfaces = new JsonArray(new JsonObject { ["ipAddresses"] = new JsonArray(source + "/32") });
        for (var n = 0; n < count; n++)
        {
            var o = new JsonObject
            {
                ["sourceIpAddress"] = source, ["destinationIpAddress"] = $"198.51.100.{n + 1}", ["preSharedKey"] = $"notARealKey{n:00000}",
            };
            options?.Invoke(o);
            interfaces.Add(new JsonObject { ["description"] = $"tunnel-{n + 1}", ["interfaceType"] = "ipSecTunnel", ["ipSecTunnelOptions"] = o });
        }
        return new JsonObject { ["interfaces"] = interfaces };
    }

    public static async Task AddIpsecAsync(this TestSim sim, string mcr, int tunnels = 10)
    {
        var (status, json) = await sim.PostAsync($"/v3/product/{mcr}/addon", new { addOnType = "IP_SEC", tunnelCount = tunnels });
        Assert.True(status == 200, json?.ToJsonString());
    }

    public static async Task<string> AddOnUidAsync(this TestSim sim, string mcr) =>
        (await sim.ProductAsync(mcr))["addOns"]![0]!["addOnUid"]!.GetValue<string>();

    public static async Task<string> BuyVxcAsync(this TestSim sim, JsonObject item) =>
        (await sim.BuyOk(item))[0]!["vxcJTechnicalServiceUid"]!.GetValue<string>();

    /// <summary>An IPsec VXC from <paramref name="mcr"/> to Megaport Internet Sydney.</summary>
    public static JsonObject IpsecVxc(string mcr, int tunnels, string name = "ipsec", Action<JsonObject>? options = null) =>
        Orders.Vxc(mcr, InternetSydneyRed, name: name, aConfig: Tunnels(tunnels, options));

    /// <summary>The call must answer 400; returns "message data" for the assertion.</summary>
    public static async Task<string> Fails(this TestSim sim, HttpMethod method, string path, object? body = null)
    {
        var (status, json) = await sim.CallAsync(method, path, body is JsonNode node ? node.ToJsonString() : body);
        Assert.True(status == 400, $"{method} {path} -> {status}: {json?.ToJsonString()}");
        return json!["message"]!.GetValue<string>() + " " + json["data"]?.ToString();
    }

    public static async Task CancelNowAsync(this TestSim sim, string uid) =>
        Assert.Equal(200, (await sim.PostAsync($"/v3/product/{uid}/action/CANCEL_NOW", null)).Status);
}
