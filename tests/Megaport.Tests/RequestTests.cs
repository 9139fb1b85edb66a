using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Security;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transport;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>Request specs serialize to the API's field names, leave out what was not given, and PowerShell input converts at any depth.</summary>
    public class RequestTests
    {
        [Fact]
        public void PartnerConfigsCarryTheirConnectTypeAndOnlyWhatWasGiven()
        {
            var aws = (JObject)RequestJson.ToToken(PartnerConfigBuilder.Aws("123456789012", 65001, "Private", null, null, null, null, null, null));
            Assert.Equal(JObject.Parse(@"{""connectType"":""AWS"",""type"":""private"",""ownerAccount"":""123456789012"",""asn"":65001}").ToString(), aws.ToString());
            var ibm = (JObject)RequestJson.ToToken(PartnerConfigBuilder.Ibm("0123456789abcdef0123456789abcdef", 64999, null, "10.0.0.1/30", null));
            Assert.Equal("IBM", (string?)ibm["connectType"]);
            Assert.Equal("MEGAPORT", (string?)ibm["name"]);
            Assert.Equal("10.0.0.1/30", (string?)ibm["customer_ip_address"]);
            Assert.Null(ibm["provider_ip_address"]);
            var transit = (JObject)RequestJson.ToToken(PartnerConfigBuilder.Internet());
            Assert.Equal(@"{""connectType"":""TRANSIT""}", transit.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void TheMcrSideHasInterfacesBfdAndBgpButNoConnectType()
        {
            static JObject Shortcut(string[] ips, string? peer, long? asn, string? password, bool bfd) =>
                (JObject)RequestJson.ToToken(VRouterBuilder.FromInterfaces(new[] { PartnerConfigBuilder.VRouterShortcut(ips, peer, asn, password, bfd) }, McrConfigTests.McrEnd(), "-Mcr*"));
            var config = Shortcut(new[] { "169.254.100.1/30" }, "169.254.100.2", 64512, "s3cret", bfd: true);
            Assert.Null(config["connectType"]);
            var iface = (JObject)config["interfaces"]![0]!;
            Assert.Equal("169.254.100.1/30", (string?)iface["ipAddresses"]![0]);
            Assert.Equal(300, (int)iface["bfd"]!["txInterval"]!);
            var bgp = (JObject)iface["bgpConnections"]![0]!;
            Assert.Equal("169.254.100.1", (string?)bgp["localIpAddress"]);
            Assert.Equal(64512, (long)bgp["peerAsn"]!);
            Assert.True((bool)bgp["bfdEnabled"]!);
            Assert.Equal("s3cret", (string?)bgp["password"]);
            var plain = Shortcut(new[] { "10.1.1.1/30" }, null, null, null, bfd: false);
            Assert.Null(plain["interfaces"]![0]!["bgpConnections"]);
            Assert.Null(plain["interfaces"]![0]!["bfd"]);
        }

        [Fact]
        public void BadCloudInputIsRefusedBeforeAnyRequest()
        {
            Assert.Equal(ErrorIds.InvalidArgument, Assert.Throws<MegaportException>(() => PartnerConfigBuilder.Aws("12", 65001, "Private", null, null, null, null, null, null)).ErrorId);
            Assert.Equal(ErrorIds.InvalidArgument, Assert.Throws<MegaportException>(() => PartnerConfigBuilder.Google("a key")).ErrorId);
            Assert.Equal(ErrorIds.InvalidArgument, Assert.Throws<MegaportException>(() => PartnerConfigBuilder.VRouterShortcut(new[] { "169.254.100.1/30" }, "not-an-ip", 64512, null, false)).ErrorId);
            var peer = new Hashtable { ["PeerAsn"] = 65515 };
            Assert.Contains("65515", Assert.Throws<MegaportException>(() => PartnerConfigBuilder.Azure("key-1", new IDictionary[] { peer })).Message);
        }

        [Fact]
        public void ChangesSendOnlyTheFieldsSet()
        {
            var change = new VxcChange { RateLimit = 500, AEndVlan = 300 };
            Assert.Equal(@"{""aEndVlan"":300,""rateLimit"":500}", RequestJson.ToToken(change).ToString(Newtonsoft.Json.Formatting.None));
            var mcr = new McrChange { Name = "x", Asn = 65000 };
            var json = (JObject)RequestJson.ToToken(mcr);
            Assert.Equal(2, json.Count);
            Assert.Equal(65000, (long)json["asn"]!);
        }

        [Fact]
        public void AServiceKeyValidityKeepsAnOpenEndAsNull()
        {
            var request = new ServiceKeyRequest { ProductUid = "p", MaxSpeed = 100, Active = true, ValidFor = new ValidFor(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), null) };
            var json = (JObject)RequestJson.ToToken(request);
            Assert.Equal(1893456000000, (long)json["validFor"]!["start"]!);
            Assert.Equal(JTokenType.Null, json["validFor"]!["end"]!.Type);
            Assert.Null(json["description"]);
        }

        [Fact]
        public void PowerShellInputConvertsAtAnyDepth()
        {
            var inner = new PSObject();
            inner.Properties.Add(new PSNoteProperty("a", 1));
            inner.Properties.Add(new PSNoteProperty("list", new object[] { "x", PSObject.AsPSObject("y") }));
            var ordered = new OrderedDictionary { ["level3"] = inner };
            var top = new Hashtable { ["extra"] = PSObject.AsPSObject(new Hashtable { ["level2"] = ordered }) };
            var json = PSJson.ToObject(top, "-VendorConfig");
            Assert.Equal(@"{""extra"":{""level2"":{""level3"":{""a"":1,""list"":[""x"",""y""]}}}}", json.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void ASecretIsNeverConverted()
        {
            var secret = new SecureString();
            secret.AppendChar('s');
            var ex = Assert.Throws<MegaportException>(() => PSJson.ToToken(new Hashtable { ["deep"] = new Hashtable { ["key"] = secret } }, "-VendorConfig"));
            Assert.Equal(ErrorIds.InvalidArgument, ex.ErrorId);
            Assert.Contains("-VendorConfig.deep.key", ex.Message);
        }

        [Fact]
        public void ALoopIsCaughtNotFollowedForever()
        {
            var loop = new Hashtable();
            loop["self"] = loop;
            Assert.Equal(ErrorIds.InvalidArgument, Assert.Throws<MegaportException>(() => PSJson.ToToken(loop, "-VendorConfig")).ErrorId);
        }
    }

    /// <summary>The environment table, checked without a request to any real host.</summary>
    public class EnvironmentTests
    {
        [Theory]
        [InlineData("Production", "https://api.megaport.com/", "https://auth-m2m.megaport.com/oauth2/token")]
        [InlineData("prod", "https://api.megaport.com/", "https://auth-m2m.megaport.com/oauth2/token")]
        [InlineData("staging", "https://api-staging.megaport.com/", "https://auth-m2m-staging.megaport.com/oauth2/token")]
        [InlineData("Development", "https://api-mpone-dev.megaport.com/", "https://auth-m2m-mpone-dev.megaport.com/oauth2/token")]
        [InlineData(" DEV ", "https://api-mpone-dev.megaport.com/", "https://auth-m2m-mpone-dev.megaport.com/oauth2/token")]
        public void NamesMapToTheRealEndpoints(string name, string baseUri, string tokenUri)
        {
            var env = Environments.Get(name);
            Assert.Equal(new Uri(baseUri), env.BaseUri);
            Assert.Equal(new Uri(tokenUri), env.TokenUri);
        }

        [Fact]
        public void AnUnknownNameIsNoEnvironment()
        {
            Assert.Null(Environments.Normalize("moon"));
            Assert.Throws<ArgumentOutOfRangeException>(() => Environments.Get("moon"));
        }
    }
}
