using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Cmdlets;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transport;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>The NAT gateway's reads, request specs and design-first ordering, against the real answers in Fixtures/ served by a stub.</summary>
    public class NatGatewayTests
    {
        const string Uid = "11111111-2222-3333-4444-555555555555";

        static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

        static MegaportApi NewApi(StubServer stub)
        {
            var secret = new SecureString();
            foreach (var c in "secret") secret.AppendChar(c);
            return new MegaportApi(new MegaportClient(stub.BaseUri, new Uri(stub.BaseUri, "oauth2/token"), "access", secret, TimeSpan.FromSeconds(10),
                new Timings { PauseScale = 0 }));
        }

        static bool IsToken(StubRequest r) => r.PathAndQuery.StartsWith("/oauth2/token", StringComparison.Ordinal);

        static StubServer Serve(Func<StubRequest, StubReply?> handler) =>
            new(r => IsToken(r) ? StubResponses.Token("t") : handler(r) ?? new StubReply(404, "{\"message\":\"Not Found\",\"data\":null}"));

        [Fact]
        public async Task AGatewayReadFromItsOwnEndpointIsTypedAndItsIsoDatesAreUtc()
        {
            using var stub = Serve(r => r.PathAndQuery.StartsWith("/v3/products/nat_gateways/e900", StringComparison.Ordinal)
                ? new StubReply(200, Fixture("v3-products-nat-gateways-get-response.json")) : null);
            var gw = await NewApi(stub).GetNatGatewayAsync("e900d0d5-1030-4e29-b2d8-816ad4263190", CallContext.None);
            Assert.Equal("NAT_GATEWAY", gw.ProductType); // the answer has none: the path says what it is
            Assert.Equal("NAT Gateway", gw.Name);
            Assert.Equal("LIVE", gw.ProvisioningStatus);
            Assert.Equal(1000, gw.Speed);
            Assert.Equal(100, gw.SessionCount);
            Assert.Equal(64512, gw.Asn);
            Assert.Equal("red", gw.DiversityZone);
            Assert.Equal(12, gw.Term);
            Assert.True(gw.AutoRenewTerm);
            Assert.Equal("APPROVED", gw.OrderApprovalStatus);
            Assert.Equal(new DateTime(2023, 10, 1, 14, 34, 56, DateTimeKind.Utc), gw.CreateDate);
            Assert.Equal(DateTimeKind.Utc, gw.ContractEndDate!.Value.Kind);
            Assert.False(gw.IsDesign);
            Assert.Same(Products.Products.NatGateway, Products.Products.Of(gw));
        }

        [Fact]
        public void TheCreateAnswerReadsAsADesignWithItsTags()
        {
            var data = (JObject)((JObject)Json.Parse(Fixture("v3-products-nat-gateways-create-response.json")))["data"]!;
            data["productType"] = "NAT_GATEWAY";
            var gw = (NatGateway)Products.ServiceReader.Read(data);
            Assert.True(gw.IsDesign);
            Assert.Equal("PROMO123", gw.PromoCode);
            Assert.Equal("SLR-1", gw.ServiceLevelReference);
            Assert.Equal(new KeyValuePair<string, string>("env", "test"), Assert.Single(gw.Tags));
            Assert.Equal("NAT gateway design", Products.Products.NatGateway.DisplayKind(gw));
        }

        [Fact]
        public void TheDesignBodyUsesTheApisNamesAndTheLineAddsOnlyItsType()
        {
            var spec = new NatGatewaySpec
            {
                ProductName = "edge", LocationId = 3, Speed = 1000, Term = 12, AutoRenewTerm = true,
                Config = new NatGatewayConfig { SessionCount = 4000, DiversityZone = "red" },
                Tags = new[] { new ResourceTag("env", "prod") },
            };
            var body = (JObject)RequestJson.ToToken(spec);
            var expected = JObject.Parse(@"{""term"":12,""productName"":""edge"",""locationId"":3,""speed"":1000,""autoRenewTerm"":true,
                ""config"":{""bgpShutdownDefault"":false,""diversityZone"":""red"",""sessionCount"":4000},""resourceTags"":[{""key"":""env"",""value"":""prod""}]}");
            Assert.True(JToken.DeepEquals(expected, body), body.ToString());
            var line = (JObject)RequestJson.ToToken(spec.AsLine());
            Assert.Equal("NAT_GATEWAY", (string?)line["productType"]);
            line.Remove("productType");
            Assert.Equal(body.ToString(), line.ToString());
            Assert.Null(spec.ProductType); // the design itself is unchanged
        }

        [Fact]
        public void PrefixListGeAndLeAreTextOnTheWireAndNumbersInTheModule()
        {
            var spec = new PrefixListSpec
            {
                Description = "private", AddressFamily = "IPv4",
                Entries = PrefixListRules.Read(new object[] { new System.Collections.Hashtable { ["action"] = "permit", ["prefix"] = "10.0.0.0/8", ["ge"] = 24, ["le"] = 32 } }, null).Entries,
            };
            // The one spec, in each owner's form: an MCR takes numbers, a NAT gateway text.
            spec.LengthsAsText = PrefixListOwner.Mcr.LengthsAsText;
            var entry = RequestJson.ToToken(spec)["entries"]![0]!;
            Assert.Equal(JTokenType.Integer, entry["ge"]!.Type);
            Assert.Equal(32, (int)entry["le"]!);
            spec.LengthsAsText = PrefixListOwner.NatGateway.LengthsAsText;
            entry = RequestJson.ToToken(spec)["entries"]![0]!;
            Assert.Equal(JTokenType.String, entry["ge"]!.Type);
            Assert.Equal("32", (string?)entry["le"]);
            spec.LengthsAsText = false; // the API call sets the owner's form itself

            using var stub = Serve(r => r.PathAndQuery.EndsWith("/prefix_lists", StringComparison.Ordinal)
                ? new StubReply(200, Fixture("v3-products-nat-gateways-prefix-list-response.json")) : null);
            var list = NewApi(stub).SetPrefixListAsync(PrefixListOwner.NatGateway, Uid, null, spec, CallContext.None).GetAwaiter().GetResult();
            Assert.Equal(11, list.Id);
            Assert.Equal(Uid, list.ProductUid);
            Assert.Equal(24, list.Entries[0].Ge);
            Assert.Equal(32, list.Entries[0].Le);
            Assert.Equal(JObject.Parse(@"{""description"":""private"",""addressFamily"":""IPv4"",""entries"":[{""action"":""permit"",""prefix"":""10.0.0.0/8"",""ge"":""24"",""le"":""32""}]}").ToString(),
                JObject.Parse(stub.Requests.Single(r => r.Method == "POST" && !IsToken(r)).Body).ToString());
        }

        [Fact]
        public async Task TheSessionMatrixDecidesTheSessionCount()
        {
            using var stub = Serve(r => r.PathAndQuery == "/v3/products/nat_gateways/sessions" ? new StubReply(200, Fixture("v3-products-nat-gateways-sessions-response.json")) : null);
            var matrix = await NewApi(stub).GetNatGatewaySessionsAsync(CallContext.None);
            Assert.Equal(new[] { 100, 1000 }, matrix.Select(m => m.Speed));
            Assert.Equal(new[] { 8000, 16000 }, matrix[1].SessionCounts);
            Assert.Equal(1000, NatGatewaySessions.Resolve(matrix, 100, null)); // the smallest when none is asked for
            Assert.Equal(16000, NatGatewaySessions.Resolve(matrix, 1000, 16000));
            var bad = Assert.Throws<MegaportException>(() => NatGatewaySessions.Resolve(matrix, 1000, 4000));
            Assert.Equal(ErrorIds.InvalidArgument, bad.ErrorId);
            Assert.Contains("use one of 8000, 16000", bad.Message);
            Assert.Contains("use one of 100, 1000", Assert.Throws<MegaportException>(() => NatGatewaySessions.Resolve(matrix, 2500, null)).Message);
        }

        [Fact]
        public async Task BgpAndIpRoutesAreToldApartByBgpsOwnFields()
        {
            using var stub = Serve(r => r.PathAndQuery.Contains("/diagnostics/routes/operation?operationId=op-2")
                ? new StubReply(200, Fixture("v3-products-nat-gateways-diagnostics-bgp-response.json"))
                : r.PathAndQuery.Contains("operationId=op-1")
                    ? StubResponses.Envelope("ok", @"[{""prefix"":""10.0.0.0/24"",""protocol"":""static"",""nextHop"":{""ip"":""10.0.0.1"",""vxc"":{""id"":""vxc-1"",""name"":""vxc-name""}}}]")
                    : r.PathAndQuery.Contains("operationId=op-3") ? StubResponses.Envelope("ok", "[]") : null);
            var api = NewApi(stub);
            async Task<List<object>> Read(string op)
            {
                var routes = new List<object>();
                Assert.Equal(op != "op-3", await api.StreamNatGatewayRoutesAsync(Uid, op, routes.Add, CallContext.None));
                return routes;
            }
            var bgp = Assert.IsType<NatGatewayBgpRoute>(Assert.Single(await Read("op-2")));
            Assert.Equal("65000 65001", bgp.AsPath);
            Assert.True(bgp.Best);
            Assert.Equal(100, bgp.LocalPref);
            Assert.Equal("v2", bgp.NextHopVxcName);
            var ip = Assert.IsType<NatGatewayIpRoute>(Assert.Single(await Read("op-1")));
            Assert.Equal("STATIC", ip.Protocol);
            Assert.Equal("vxc-1", ip.NextHopVxcUid);
            Assert.Empty(await Read("op-3")); // still running: false, nothing handed out
        }

        static OrderItem Item() => new(Products.Products.NatGateway, "gw-name", new NatGatewaySpec { ProductName = "gw-name" }.AsLine(), "NAT gateway 'gw-name'",
            design: new NatGatewaySpec { ProductName = "gw-name", LocationId = 10, Speed = 1000, Term = 1, Config = new NatGatewayConfig { SessionCount = 4000 } });

        static string Create => $@"{{""message"":""ok"",""terms"":"""",""data"":{{""productUid"":""{Uid}"",""provisioningStatus"":""DESIGN""}}}}";

        [Fact]
        public async Task ADesignIsCreatedValidatedAndBoughtWithTheBareArrayOnce()
        {
            using var stub = Serve(r => (r.Method, r.PathAndQuery) switch
            {
                ("POST", "/v3/products/nat_gateways") => new StubReply(200, Create),
                ("POST", "/v3/networkdesign/validate") => new StubReply(200, Fixture("v3-networkdesign-validate-natgateway-response.json")),
                ("POST", "/v3/networkdesign/buy") => new StubReply(200, Fixture("v3-networkdesign-buy-natgateway-response.json")),
                _ => null,
            });
            var failures = new List<MegaportException>();
            var placed = await new OrderPlacer(NewApi(stub), _ => { }, failures.Add).PlaceAllAsync(new[] { Item() }, readBack: false, CallContext.None);
            Assert.Empty(failures);
            var gw = Assert.IsType<NatGateway>(Assert.Single(placed));
            Assert.Equal(Uid, gw.ProductUid);
            var calls = stub.Requests.Where(r => !IsToken(r)).Select(r => $"{r.Method} {r.PathAndQuery}").ToList();
            Assert.Equal(new[] { "POST /v3/products/nat_gateways", "POST /v3/networkdesign/validate", "POST /v3/networkdesign/buy" }, calls);
            var expected = $@"[{{""productUid"":""{Uid}""}}]";
            Assert.Equal(expected, stub.Requests.Single(r => r.PathAndQuery == "/v3/networkdesign/validate").Body);
            Assert.Equal(expected, stub.Requests.Single(r => r.PathAndQuery == "/v3/networkdesign/buy").Body);
            Assert.Null(JObject.Parse(stub.Requests.First(r => r.PathAndQuery == "/v3/products/nat_gateways").Body)["productType"]);
        }

        [Fact]
        public async Task ADesignTheApiRefusesIsDeletedAgain()
        {
            using var stub = Serve(r => (r.Method, r.PathAndQuery) switch
            {
                ("POST", "/v3/products/nat_gateways") => new StubReply(200, Create),
                ("POST", "/v3/networkdesign/validate") => StubResponses.Envelope("Validation failed", "\"speed is not available\"", 400),
                ("DELETE", _) => new StubReply(200, @"{""message"":""Nat gateway order item deleted successfully"",""terms"":""""}"),
                _ => null,
            });
            var failures = new List<MegaportException>();
            var placed = await new OrderPlacer(NewApi(stub), _ => { }, failures.Add).PlaceAllAsync(new[] { Item() }, readBack: false, CallContext.None);
            Assert.Empty(placed);
            Assert.Equal(ErrorIds.ValidationFailed, Assert.Single(failures).ErrorId);
            Assert.Contains(stub.Requests, r => r.Method == "DELETE" && r.PathAndQuery == "/v3/products/nat_gateways/" + Uid);
            Assert.DoesNotContain(stub.Requests, r => r.PathAndQuery == "/v3/networkdesign/buy");
        }

        [Fact]
        public async Task ALostBuyAnswerIsNeverSentAgainTheDesignIsReadBack()
        {
            var status = "DESIGN";
            using var stub = Serve(r => (r.Method, r.PathAndQuery) switch
            {
                ("POST", "/v3/products/nat_gateways") => new StubReply(200, Create),
                ("POST", "/v3/networkdesign/validate") => new StubReply(200, Fixture("v3-networkdesign-validate-natgateway-response.json")),
                ("POST", "/v3/networkdesign/buy") => Bought(),
                ("GET", _) => StubResponses.Envelope("ok", $@"{{""productUid"":""{Uid}"",""productName"":""gw-name"",""productType"":""NAT_GATEWAY"",""provisioningStatus"":""{status}""}}"),
                _ => null,
            });
            StubReply Bought()
            {
                status = "DEPLOYABLE"; // it went through, but the answer is a 502
                return StubResponses.Envelope("Bad Gateway", "null", 502);
            }
            var warnings = new List<string>();
            var failures = new List<MegaportException>();
            var placed = await new OrderPlacer(NewApi(stub), warnings.Add, failures.Add).PlaceAllAsync(new[] { Item() }, readBack: false, CallContext.None);
            Assert.Empty(failures);
            Assert.Equal(Uid, Assert.Single(placed).ProductUid);
            Assert.Single(stub.Requests, r => r.PathAndQuery == "/v3/networkdesign/buy");
            Assert.Contains(warnings, w => w.Contains("The order went through") && w.Contains("DEPLOYABLE"));

            // Still a design after both looks: it may or may not have been bought; it is not sent again, nor deleted.
            status = "DESIGN";
            using var lost = Serve(r => (r.Method, r.PathAndQuery) switch
            {
                ("POST", "/v3/products/nat_gateways") => new StubReply(200, Create),
                ("POST", "/v3/networkdesign/validate") => new StubReply(200, Fixture("v3-networkdesign-validate-natgateway-response.json")),
                ("POST", "/v3/networkdesign/buy") => StubResponses.Envelope("Bad Gateway", "null", 502),
                ("GET", _) => StubResponses.Envelope("ok", $@"{{""productUid"":""{Uid}"",""productType"":""NAT_GATEWAY"",""provisioningStatus"":""DESIGN""}}"),
                _ => null,
            });
            failures.Clear();
            Assert.Empty(await new OrderPlacer(NewApi(lost), _ => { }, failures.Add).PlaceAllAsync(new[] { Item() }, readBack: false, CallContext.None));
            var failure = Assert.Single(failures);
            Assert.True(failure.OutcomeUnknown);
            Assert.Contains("may or may not", failure.Message);
            Assert.Contains(Uid, failure.Message);
            Assert.Single(lost.Requests, r => r.PathAndQuery == "/v3/networkdesign/buy");
            Assert.DoesNotContain(lost.Requests, r => r.Method == "DELETE");
        }
    }
}
