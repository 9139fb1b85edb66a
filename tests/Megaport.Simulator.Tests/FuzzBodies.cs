using System.Text;
using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>What the fuzz sends: a valid body per endpoint that reads one, each with every value swapped for junk, and junk bodies.</summary>
public static class FuzzBodies
{
    public sealed record Body(string Name, byte[] Bytes, string? ContentType, bool Malformed);

    private static readonly string Mb = new('x', 1024 * 1024);

    /// <summary>One or more valid bodies per "METHOD route" that reads a JSON body; the fuzz checks this list is complete.</summary>
    public static Dictionary<string, JsonNode[]> Samples()
    {
        var mcrConfig = new JsonObject
        {
            ["interfaces"] = new JsonArray(new JsonObject
            {
                ["ipAddresses"] = new JsonArray("169.254.0.1/30"), ["ipMtu"] = 1500,
                ["bfd"] = new JsonObject { ["txInterval"] = 300, ["rxInterval"] = 300, ["multiplier"] = 3 },
                ["bgpConnections"] = new JsonArray(new JsonObject
                {
                    ["peerAsn"] = 64512, ["localIpAddress"] = "169.254.0.1", ["peerIpAddress"] = "169.254.0.2", ["asPathPrependCount"] = 1,
                    ["importWhitelist"] = SeedIds.SydneyMcrPrefixList, ["exportPolicy"] = "permit", ["peerType"] = "NON_CLOUD",
                }),
                ["ipRoutes"] = new JsonArray(new JsonObject { ["prefix"] = "10.9.0.0/16", ["nextHop"] = "169.254.0.2", ["description"] = "r" }),
            }),
        };
        // A NAT gateway end: its packet filter and prefix list by id (the seed's filter 1 and list 2).
        var natConfig = new JsonObject
        {
            ["interfaces"] = new JsonArray(new JsonObject
            {
                ["ipAddresses"] = new JsonArray("10.8.0.1/30"), ["packetFilterIn"] = 1, ["packetFilterOut"] = 1,
                ["bgpConnections"] = new JsonArray(new JsonObject
                {
                    ["peerAsn"] = 65008, ["localIpAddress"] = "10.8.0.1", ["peerIpAddress"] = "10.8.0.2", ["importWhitelist"] = 2,
                }),
            }),
        };
        JsonObject Cloud(string type, params (string, JsonNode?)[] fields)
        {
            var o = new JsonObject { ["connectType"] = type };
            foreach (var (k, v) in fields) o[k] = v;
            return o;
        }
        var items = new[]
        {
            Orders.Port(lag: 2),
            Orders.Mcr(asn: 65000, tunnels: 10),
            Orders.Mve(),
            Orders.Ix(SeedIds.SydneyPrimary),
            Orders.Vxc(SeedIds.SydneyPrimary, Orders.AwsSydneyRed, bConfig: Orders.Aws()),
            Orders.Vxc(SeedIds.SydneyPrimary, null, bConfig: Cloud("AZURE", ("serviceKey", SeedIds.AzureSydneyKey),
                ("peers", new JsonArray(new JsonObject { ["type"] = "private", ["peer_asn"] = "65001", ["vlan"] = 100 })))),
            Orders.Vxc(SeedIds.SydneyPrimary, SeedPartners.Uid("GOOGLE", "Sydney", "blue"), bConfig: Cloud("GOOGLE", ("pairingKey", SeedIds.GoogleSydneyPairingKey))),
            Orders.Vxc(SeedIds.SydneyPrimary, SeedPartners.Uid("ORACLE", "Sydney", "red"), bConfig: Cloud("ORACLE", ("virtualCircuitId", SeedIds.OracleSydneyOcid))),
            Orders.Vxc(SeedIds.SydneyPrimary, SeedPartners.Uid("IBM", "Sydney", "any"),
                bConfig: Cloud("IBM", ("account_id", "0123456789abcdef0123456789abcdef"), ("customer_asn", 64999), ("name", "ibm"))),
            Orders.Vxc(SeedIds.SydneyMcr, SeedIds.SydneySecondary, aConfig: mcrConfig),
            Orders.Vxc(SeedIds.SydneyPrimary, null, serviceKey: SeedIds.ServiceKeySydneyPrimary),
            Orders.NatGatewayLine(),
            new JsonObject { ["productUid"] = SeedIds.MelbourneNatDesign },
            Orders.Vxc(SeedIds.SydneyNatGateway, SeedIds.SydneySecondary, aConfig: natConfig),
        };
        var natFilter = new JsonObject
        {
            ["description"] = "f",
            ["entries"] = new JsonArray(new JsonObject
            {
                ["action"] = "permit", ["description"] = "d", ["sourceAddress"] = "0.0.0.0/0", ["destinationAddress"] = "10.0.0.0/24",
                ["sourcePorts"] = "1024-65535", ["destinationPorts"] = "443", ["ipProtocol"] = 6,
            }),
        };
        var natPrefixes = new JsonObject
        {
            ["description"] = "p", ["addressFamily"] = "IPv4",
            ["entries"] = new JsonArray(new JsonObject { ["action"] = "permit", ["prefix"] = "10.0.0.0/8", ["ge"] = "16", ["le"] = "24" }),
        };
        var located = new JsonObject { ["name"] = "renamed", ["costCentre"] = "cc", ["marketplaceVisibility"] = true, ["term"] = 12 };
        JsonObject With(JsonObject o, params (string, JsonNode?)[] extra)
        {
            var c = o.DeepClone().AsObject();
            foreach (var (k, v) in extra) c[k] = v;
            return c;
        }
        return new()
        {
            ["POST /v3/networkdesign/validate"] = items.Select(i => (JsonNode)Orders.Design(i)).ToArray(),
            ["POST /v4/networkdesign/buy"] = [Orders.Buy(items[0], items[4])],
            ["POST /v3/networkdesign/buy"] = [new JsonArray(new JsonObject { ["productUid"] = SeedIds.MelbourneNatDesign })],
            ["POST /v3/products/nat_gateways"] =
            [
                With(Orders.NatGateway(), ("promoCode", "P1"), ("serviceLevelReference", "SLR"), ("costCentre", "cc"),
                    ("resourceTags", new JsonArray(new JsonObject { ["key"] = "k", ["value"] = "v" }))),
            ],
            ["PUT /v3/products/nat_gateways/{uid}"] = [With(Orders.NatGateway("renamed", speed: 2500, sessions: 16000), ("autoRenewTerm", true))],
            ["POST /v3/products/nat_gateways/{uid}/packet_filters"] = [natFilter],
            ["PUT /v3/products/nat_gateways/{uid}/packet_filters/{id:int}"] = [natFilter],
            ["POST /v3/products/nat_gateways/{uid}/prefix_lists"] = [natPrefixes],
            ["PUT /v3/products/nat_gateways/{uid}/prefix_lists/{id:int}"] = [natPrefixes],
            ["PUT /v2/product/megaport/{uid}"] = [located],
            // The seed MCR has a VXC, so only its current ASN is accepted.
            ["PUT /v2/product/mcr2/{uid}"] = [With(located, ("asn", 133937))],
            ["POST /v2/product/mcr2/{uid}/prefixList"] = [PrefixList(0, "fuzz list")],
            ["PUT /v2/product/mcr2/{uid}/prefixList/{id}"] = [PrefixList(SeedIds.SydneyMcrPrefixList, "Azure VNets")],
            ["POST /v3/product/{uid}/addon"] = [new JsonObject { ["addOnType"] = "IP_SEC", ["tunnelCount"] = 20 }],
            ["PUT /v3/product/{uid}/addon/{addOnUid}"] = [new JsonObject { ["addOnType"] = "IP_SEC", ["tunnelCount"] = 20 }],
            ["PUT /v2/product/mve/{uid}"] = [With(located, ("vnics", new JsonArray(new JsonObject { ["description"] = "a" })))],
            ["PUT /v2/product/ix/{uid}"] =
            [
                new JsonObject
                {
                    ["name"] = "ix", ["rateLimit"] = 500, ["costCentre"] = "c", ["vlan"] = 301, ["macAddress"] = "00:11:22:33:44:66",
                    ["asn"] = 65011, ["password"] = "p", ["publicGraph"] = false, ["reverseDns"] = "r.example.", ["shutdown"] = true,
                },
            ],
            ["PUT /v3/product/vxc/{uid}"] =
            [
                new JsonObject
                {
                    ["name"] = "v", ["rateLimit"] = 200, ["costCentre"] = "c", ["shutdown"] = false, ["term"] = 12, ["aEndVlan"] = 120,
                    ["bEndVlan"] = 121, ["aEndInnerVlan"] = 0, ["bEndInnerVlan"] = 0, ["aEndProductUid"] = SeedIds.SydneyPrimary,
                },
                new JsonObject { ["isApproved"] = true },
            ],
            ["PUT /v2/product/{uid}/tags"] = [new JsonObject { ["resourceTags"] = new JsonArray(new JsonObject { ["key"] = "k", ["value"] = "v" }) }],
            ["POST /v2/service/key"] =
            [
                new JsonObject
                {
                    ["productUid"] = SeedIds.SydneyPrimary, ["singleUse"] = true, ["vlan"] = 2222, ["maxSpeed"] = 100, ["active"] = true,
                    ["preApproved"] = true, ["description"] = "d", ["validFor"] = new JsonObject { ["start"] = 1767225600000, ["end"] = 1798761600000 },
                },
            ],
            ["PUT /v2/service/key"] =
            [
                new JsonObject
                {
                    ["key"] = SeedIds.ServiceKeySydneyPrimary, ["productUid"] = SeedIds.SydneyPrimary, ["active"] = false, ["maxSpeed"] = 200,
                    ["validFor"] = new JsonObject { ["start"] = 1767225600000, ["end"] = 1798761600000 },
                },
            ],
            ["POST /v2/employment"] =
            [
                new JsonObject { ["firstName"] = "Fuzz", ["lastName"] = "User", ["active"] = true, ["email"] = "fuzz@example.com", ["phone"] = "+61400000000", ["position"] = "Read Only" },
            ],
            ["PUT /v2/employee/{employeeId}"] =
            [
                new JsonObject
                {
                    ["firstName"] = "Terry", ["lastName"] = "Tech", ["email"] = "terry2@example.com", ["phone"] = "+61400000001", ["position"] = "Finance",
                    ["active"] = true, ["notificationEnabled"] = false, ["newsletter"] = true, ["promotions"] = false, ["channelManager"] = false,
                    ["companyId"] = SeedIds.DemoCompany.Id, ["securityRoles"] = new JsonArray("finance"),
                },
            ],
            ["POST /v2/market"] =
            [
                new JsonObject
                {
                    ["currencyEnum"] = "AUD", ["language"] = "en", ["billingContactName"] = "Fuzz", ["billingContactPhone"] = "+61 7 3000 0000",
                    ["billingContactEmail"] = "fuzz@example.com", ["address1"] = "1 Fuzz St", ["address2"] = "Level 2", ["city"] = "Brisbane", ["state"] = "QLD",
                    ["postcode"] = "4000", ["country"] = "AU", ["yourPoNumber"] = "PO-1", ["taxNumber"] = "ABN 1", ["firstPartyId"] = 808,
                },
            ],
            ["POST /v3/order_approvals/{uid}/approve"] = [new JsonObject { ["comments"] = "ok" }],
            ["POST /v3/order_approvals/{uid}/reject"] = [new JsonObject { ["comments"] = "no" }],
            ["POST /v3/order_approvals/{uid}/withdraw"] = [new JsonObject()],
            ["POST /v4/pricebook/product"] =
            [
                new JsonObject
                {
                    ["productType"] = "MEGAPORT", ["locationId"] = 3, ["speed"] = 10000, ["term"] = 12, ["currency"] = "AUD",
                    ["addOns"] = new JsonArray(new JsonObject { ["addOnType"] = "CROSS_CONNECT", ["crossConnectRequested"] = true }),
                },
                new JsonObject
                {
                    ["productType"] = "MCR2", ["locationId"] = 3, ["speed"] = 1000, ["term"] = 24,
                    ["addOns"] = new JsonArray(new JsonObject { ["addOnType"] = "IP_SEC", ["tunnelCount"] = 20 }),
                },
                new JsonObject { ["productType"] = "MVE", ["locationId"] = 4, ["size"] = "LARGE", ["mveLabel"] = "MVE 8/32", ["term"] = 36 },
                new JsonObject
                {
                    ["productType"] = "VXC", ["aLocationId"] = 3, ["bLocationId"] = 80, ["speed"] = 500, ["term"] = 12, ["aEndProductType"] = "MCR2",
                    ["connectType"] = "AWS", ["buyoutPort"] = false, ["productUid"] = SeedIds.SydneyPrimary,
                },
                new JsonObject { ["productType"] = "IX", ["portLocationId"] = 3, ["ixType"] = "Sydney IX", ["speed"] = 1000 },
            ],
            ["POST /v2/managedCompanies"] = [new JsonObject { ["accountName"] = "Fuzz Co", ["accountRef"] = "F-1" }],
            ["PUT /v2/managedCompanies/{companyUid}"] = [new JsonObject { ["accountName"] = "Blue Harbour", ["accountRef"] = "BHL-1" }],
            ["POST /v4/pricebook/product"] =
            [
                new JsonObject { ["productType"] = "VXC", ["aLocationId"] = 3, ["bLocationId"] = 2, ["speed"] = 100, ["term"] = 12, ["aEndProductType"] = "MEGAPORT", ["connectType"] = "AWS" },
            ],
            ["POST /_simulator/faults"] = [new JsonObject { ["path"] = "/v9/fuzz", ["status"] = 503, ["count"] = 1, ["after"] = 1 }],
            ["PUT /_simulator/config"] = [new JsonObject { ["provisionDelayMs"] = 0, ["tokenLifetimeSeconds"] = 3600 }],
            ["PUT /_simulator/lookingGlass"] = [new JsonObject { ["jobDelayMs"] = 0, ["operationDelayMs"] = 0, ["diagnosticsPerMinute"] = 10, ["jobOutcome"] = "COMPLETE", ["routesPerSession"] = 0 }],
            ["POST /_simulator/services/{uid}/status"] = [new JsonObject { ["status"] = "LIVE" }],
        };
    }

    private static JsonObject PrefixList(int id, string description) => new()
    {
        ["id"] = id, ["description"] = description, ["addressFamily"] = "IPv4",
        ["entries"] = new JsonArray(
            new JsonObject { ["action"] = "permit", ["prefix"] = "10.0.0.0/8", ["ge"] = 16, ["le"] = 24 },
            new JsonObject { ["action"] = "deny", ["prefix"] = "0.0.0.0/0", ["le"] = "32" }),
    };

    /// <summary>The sample with one value (at every place in turn) swapped for a wrong type, null, a big number or a 1 MB string.</summary>
    public static IEnumerable<Body> Mutations(JsonNode sample)
    {
        var junk = new Func<JsonNode?>[]
        {
            () => null, () => new JsonObject(), () => new JsonArray(), () => "text", () => JsonNode.Parse("1e400"), () => true,
            () => new JsonArray(new JsonObject(), null, 1),
        };
        var paths = Paths(sample, []).ToList();
        foreach (var path in paths)
            foreach (var make in junk)
            {
                var copy = sample.DeepClone();
                Replace(copy, path, make());
                yield return Json($"{string.Join('.', path)} := {make()?.ToJsonString() ?? "null"}", copy.ToJsonString(), malformed: false);
            }
        // A 1 MB string in each top-level value.
        foreach (var path in paths.Where(p => p.Count == 1 || (sample is JsonArray && p.Count == 2)))
        {
            var copy = sample.DeepClone();
            Replace(copy, path, Mb);
            yield return Json($"{string.Join('.', path)} := 1 MB", copy.ToJsonString(), malformed: false);
        }
        // Every name twice, the first time with another type: the last one wins.
        if (sample is JsonObject o)
        {
            var text = "{" + string.Join(",", o.Select(p => $"\"{p.Key}\":[{{}}],\"{p.Key}\":{p.Value?.ToJsonString() ?? "null"}")) + "}";
            yield return Json("every name twice", text, malformed: false);
        }
    }

    /// <summary>Bodies no endpoint can take: each must be a 400 wherever a body is read.</summary>
    public static IEnumerable<Body> Malformed()
    {
        yield return new("empty", [], "application/json", true);
        yield return Json("blank", "  \r\n ", true);
        yield return Json("null", "null", true);
        yield return Json("cut off", "{\"name\":", true);
        yield return Json("unclosed array", "[", true);
        yield return Json("single quotes", "{'name':'x'}", true);
        yield return Json("trailing comma", "{\"name\":\"x\",}", true);
        yield return Json("comment", "{/* c */\"name\":\"x\"}", true);
        yield return Json("two values", "{} {}", true);
        yield return Json("NaN", "{\"rateLimit\":NaN}", true);
        yield return Json("lone surrogate", "{\"name\":\"\\ud800\"}", true);
        yield return Json("lone surrogate name", "{\"\\udc00\":1}", true);
        yield return Json("deep nesting", new string('[', 5000) + new string(']', 5000), true);
        yield return Json("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000), true);
        yield return new("invalid UTF-8", [(byte)'{', (byte)'"', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}'], "application/json", true);
        yield return new("NUL bytes", [0, 0, 0, (byte)'{', (byte)'}'], "application/json", true);
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null })
            yield return new($"content type {type ?? "none"}", Encoding.UTF8.GetBytes("{\"name\":\"x\"}"), type, true);
        yield return new("content type garbage", Encoding.UTF8.GetBytes("{}"), "???", true);
    }

    /// <summary>Well-formed bodies of the wrong kind: no 500, whatever the endpoint.</summary>
    public static IEnumerable<Body> Odd()
    {
        yield return Json("a number", "5", false);
        yield return Json("a string", "\"x\"", false);
        yield return Json("1 MB string", "\"" + Mb + "\"", false);
        yield return Json("array of odds", "[null, 1, \"x\", [], {}]", false);
        yield return Json("object of odds", "{\"name\":{},\"productName\":[],\"resourceTags\":{},\"networkDesign\":{},\"key\":[]}", false);
        yield return Json("wide object", "{" + string.Join(",", Enumerable.Range(0, 20000).Select(i => $"\"f{i}\":{i}")) + "}", false);
        yield return Json("repeated key", "{\"a\":1,\"a\":{\"b\":2},\"a\":[3]}", false);
        yield return Json("BOM", "\uFEFF{}", false);
    }

    private static Body Json(string name, string text, bool malformed) => new(name, Encoding.UTF8.GetBytes(text), "application/json", malformed);

    private static IEnumerable<List<object>> Paths(JsonNode? node, List<object> at)
    {
        if (node is JsonObject o)
            foreach (var (k, v) in o)
            {
                var p = new List<object>(at) { k };
                yield return p;
                foreach (var deeper in Paths(v, p)) yield return deeper;
            }
        else if (node is JsonArray a)
            for (var i = 0; i < a.Count; i++)
            {
                var p = new List<object>(at) { i };
                yield return p;
                foreach (var deeper in Paths(a[i], p)) yield return deeper;
            }
    }

    private static void Replace(JsonNode root, List<object> path, JsonNode? value)
    {
        var parent = root;
        foreach (var step in path.Take(path.Count - 1)) parent = step is string k ? parent[k]! : parent[(int)step]!;
        if (path[^1] is string key) parent[key] = value; else parent[(int)path[^1]] = value;
    }
}
