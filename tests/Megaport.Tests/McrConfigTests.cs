using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>The MCR config objects: their checks, hashtable input, and the vRouter config they become.</summary>
    public class McrConfigTests
    {
        static SecureString Secret(string text)
        {
            var s = new SecureString();
            foreach (var c in text) s.AppendChar(c);
            return s;
        }

        static MegaportException Refused(Action action)
        {
            var ex = Assert.Throws<MegaportException>(action);
            Assert.Equal(ErrorIds.InvalidArgument, ex.ErrorId);
            return ex;
        }

        /// <summary>An MCR end with these prefix lists.</summary>
        internal static VRouterTarget McrEnd(params PrefixList[] lists) =>
            new("MCR", "Sydney MCR", Products.Products.Mcr.VRouter!, lists, Array.Empty<(int, string)>());

        /// <summary>A NAT gateway end with these packet filters and prefix lists.</summary>
        static VRouterTarget NatEnd((int, string)[] filters, params PrefixList[] lists) =>
            new("NAT gateway", "Sydney NAT Gateway", Products.Products.NatGateway.VRouter!, lists, filters);

        static BgpPeerConfig Peer(long asn = 64512, string peer = "169.254.100.2", string? import = null, string? export = null, SecureString? password = null) =>
            McrConfigRules.BgpPeer(asn, null, null, peer, password, false, null, null, 10, true, null, null, null, import, null, export, null, null, null, false);

        [Fact]
        public void AnInterfaceBecomesTheApiShapeWithPrefixListsResolvedByName()
        {
            var iface = McrConfigRules.Interface(new[] { "169.254.100.1/30" }, new[] { McrConfigRules.StaticRoute("10.9.0.0/16", "169.254.100.2", "dc") },
                null, 300, 300, 3, null, new[] { Peer(import: "customer-routes", password: Secret("md5-key")) });
            var json = (JObject)RequestJson.ToToken(VRouterBuilder.FromInterfaces(new[] { iface },
                McrEnd(new PrefixList { Id = 41, Description = "customer-routes", AddressFamily = "IPv4" }), "-AEndInterface"));
            Assert.Null(json["connectType"]);
            var i = (JObject)json["interfaces"]![0]!;
            Assert.Equal("169.254.100.1/30", (string?)i["ipAddresses"]![0]);
            Assert.Equal("10.9.0.0/16", (string?)i["ipRoutes"]![0]!["prefix"]);
            Assert.Equal(300, (int)i["bfd"]!["txInterval"]!);
            var bgp = (JObject)i["bgpConnections"]![0]!;
            Assert.Equal("169.254.100.1", (string?)bgp["localIpAddress"]); // the interface's first address
            Assert.Equal(41, (int)bgp["importWhitelist"]!);
            Assert.Equal("md5-key", (string?)bgp["password"]);
            Assert.Equal(10, (int)bgp["medOut"]!);
            Assert.Null(bgp["exportWhitelist"]);
            Assert.Null(bgp["asOverride"]);
            Assert.Null(i["packetFilterIn"]);
        }

        [Fact]
        public void ANatGatewayEndNamesItsPacketFiltersByDescriptionOrIdAndItsOwnPrefixLists()
        {
            var filters = new[] { (1, "permit-https"), (7, "Deny-All") };
            var iface = McrConfigRules.Interface(new[] { "10.0.0.1/30" }, null, null, null, null, null, null, new[] { Peer(import: "private-v4") },
                packetFilterIn: "permit-https", packetFilterOut: "7");
            var json = (JObject)RequestJson.ToToken(VRouterBuilder.FromInterfaces(new[] { iface },
                NatEnd(filters, new PrefixList { Id = 2, Description = "private-v4", AddressFamily = "IPv4" }), "-AEndInterface"));
            Assert.Null(json["connectType"]);
            var i = (JObject)json["interfaces"]![0]!;
            Assert.Equal(1, (int)i["packetFilterIn"]!);
            Assert.Equal(7, (int)i["packetFilterOut"]!);
            Assert.Equal(2, (int)i["bgpConnections"]![0]!["importWhitelist"]!);
            Assert.Null(i["natIpAddresses"]);
            // A description in another case still finds its filter.
            var other = McrConfigRules.Interface(new[] { "10.0.0.1/30" }, null, null, null, null, null, null, null, packetFilterIn: "deny-all");
            Assert.Equal(7, (int)RequestJson.ToToken(VRouterBuilder.FromInterfaces(new[] { other }, NatEnd(filters), "-AEndInterface"))["interfaces"]![0]!["packetFilterIn"]!);
        }

        [Fact]
        public void ANatGatewayEndRefusesNatAddressesAndUnknownFiltersAndAnMcrEndRefusesFilters()
        {
            var filters = new[] { (1, "permit-https") };
            var nat = McrConfigRules.Interface(new[] { "10.0.0.1/30" }, null, new[] { "203.0.113.9" }, null, null, null, null, null);
            var ex = Refused(() => VRouterBuilder.FromInterfaces(new[] { nat }, NatEnd(filters), "-AEndInterface"));
            Assert.Contains("NatIpAddress (203.0.113.9) is not allowed on a NAT gateway end", ex.Message);
            var unknown = McrConfigRules.Interface(new[] { "10.0.0.1/30" }, null, null, null, null, null, null, null, packetFilterOut: "web");
            ex = Refused(() => VRouterBuilder.FromInterfaces(new[] { unknown }, NatEnd(filters), "-AEndInterface"));
            Assert.Contains("PacketFilterOut 'web' is not a packet filter of NAT gateway 'Sydney NAT Gateway'; it has 'permit-https' (1)", ex.Message);
            ex = Refused(() => VRouterBuilder.FromInterfaces(new[] { unknown }, NatEnd(Array.Empty<(int, string)>()), "-AEndInterface"));
            Assert.Contains("New-MegaportNatGatewayPacketFilter", ex.Message);
            ex = Refused(() => VRouterBuilder.FromInterfaces(new[] { unknown }, McrEnd(), "-AEndInterface"));
            Assert.Contains("only a NAT gateway end has", ex.Message);
            // An MCR keeps its NAT addresses.
            Assert.Equal("203.0.113.9", (string?)RequestJson.ToToken(VRouterBuilder.FromInterfaces(new[] { nat }, McrEnd(), "-AEndInterface"))["interfaces"]![0]!["natIpAddresses"]![0]);
            // Two interfaces are numbered in messages.
            ex = Refused(() => VRouterBuilder.FromInterfaces(new[] { nat, nat }, NatEnd(filters), "-AEndInterface"));
            Assert.StartsWith("-AEndInterface 1: ", ex.Message);
            // A prefix list of another product is not the gateway's.
            var peer = McrConfigRules.Interface(new[] { "10.0.0.1/30" }, null, null, null, null, null, null, new[] { Peer(import: "Azure VNets") });
            ex = Refused(() => VRouterBuilder.FromInterfaces(new[] { peer }, NatEnd(filters), "-AEndInterface"));
            Assert.Contains("is not a prefix list of NAT gateway 'Sydney NAT Gateway' (it has none; New-MegaportNatGatewayPrefixList makes one)", ex.Message);
        }

        [Fact]
        public void APrefixListTheMcrDoesNotHaveIsRefusedNamingItsLists()
        {
            var iface = McrConfigRules.Interface(new[] { "169.254.100.1/30" }, null, null, null, null, null, null, new[] { Peer(export: "nope") });
            var ex = Refused(() => VRouterBuilder.FromInterfaces(new[] { iface }, McrEnd(new PrefixList { Id = 1, Description = "one" }), "-AEndInterface"));
            Assert.Contains("'nope'", ex.Message);
            Assert.Contains("'one'", ex.Message);
        }

        [Fact]
        public void TunnelsGetTheInterfaceCarryingTheirSourceAndOneInterfaceEach()
        {
            var t1 = McrConfigRules.IpsecTunnel("192.0.2.1/30", "198.51.100.1", Secret("0123456789"), false, "l", "r", 28800, 3600, "a");
            var t2 = McrConfigRules.IpsecTunnel("192.0.2.1/30", "198.51.100.2", Secret("abcdefghij"), null, null, null, null, null, null);
            var json = (JObject)RequestJson.ToToken(VRouterBuilder.FromTunnels(new[] { t1, t2 }));
            var interfaces = (JArray)json["interfaces"]!;
            Assert.Equal(3, interfaces.Count);
            Assert.Equal("192.0.2.1/30", (string?)interfaces[0]["ipAddresses"]![0]);
            Assert.Null(interfaces[0]["interfaceType"]);
            Assert.All(interfaces.Skip(1), i => Assert.Equal("ipSecTunnel", (string?)i["interfaceType"]));
            var first = (JObject)interfaces[1]["ipSecTunnelOptions"]!;
            Assert.Equal("192.0.2.1", (string?)first["sourceIpAddress"]); // the address, without its length
            Assert.Equal("0123456789", (string?)first["preSharedKey"]);
            Assert.False((bool)first["passive"]!);
            var minimal = (JObject)interfaces[2]["ipSecTunnelOptions"]!;
            foreach (var key in new[] { "passive", "localId", "remoteId", "phase1Lifetime", "phase2Lifetime" }) Assert.Null(minimal[key]);
        }

        [Theory]
        [InlineData("not-an-ip", "198.51.100.1", "0123456789", 28800, 3600)]
        [InlineData("192.0.2.1/30", "198.51.100.0/24", "0123456789", 28800, 3600)]
        [InlineData("192.0.2.1/30", "198.51.100.1", "short", 28800, 3600)]
        [InlineData("192.0.2.1/30", "198.51.100.1", "0123456789", 3599, 600)]
        [InlineData("192.0.2.1/30", "198.51.100.1", "0123456789", 3600, 3600)] // phase 2 must be below phase 1
        [InlineData("192.0.2.1/30", "198.51.100.1", "0123456789", 28800, 599)]
        public void BadTunnelsAreRefused(string source, string destination, string key, int phase1, int phase2) =>
            Refused(() => McrConfigRules.IpsecTunnel(source, destination, Secret(key), null, null, null, phase1, phase2, null));

        [Fact]
        public void BadInterfacesAndPeersAreRefused()
        {
            Refused(() => McrConfigRules.Interface(Array.Empty<string>(), null, null, null, null, null, null, null));
            Refused(() => McrConfigRules.Interface(new[] { "10.0.0.1" }, null, null, null, null, null, null, null)); // no length
            Refused(() => McrConfigRules.Interface(new[] { "10.0.0.1/30" }, null, null, 200, null, null, null, null));
            Refused(() => McrConfigRules.Interface(new[] { "10.0.0.1/30" }, null, null, null, null, null, 4094, null));
            Refused(() => McrConfigRules.StaticRoute("10.0.0.0/8", "not-an-ip", null));
            Refused(() => Peer(asn: 0));
            Refused(() => Peer(peer: "10.0.0.0/30"));
            Refused(() => McrConfigRules.BgpPeer(1, null, null, "10.0.0.2", null, false, null, null, null, false, "maybe", null, null, null, null, null, null, null, null, false));
            Refused(() => McrConfigRules.BgpPeer(1, null, null, "10.0.0.2", null, false, null, null, null, false, null, null, null, null, null, null, null, 11, null, false));
        }

        [Fact]
        public void HashtablesWithTheSameKeysMakeTheSameObjects()
        {
            var peer = new Hashtable { ["PeerAsn"] = 65001, ["PeerIpAddress"] = "10.1.1.2", ["Password"] = Secret("pw"), ["ImportPrefixList"] = "in" };
            var iface = new Hashtable { ["IpAddress"] = "10.1.1.1/30", ["BgpPeer"] = peer, ["StaticRoute"] = new object[] { new Hashtable { ["Prefix"] = "10.2.0.0/16", ["NextHop"] = "10.1.1.2" } } };
            var config = McrConfigRules.InterfaceFrom(iface);
            Assert.Equal(new[] { "10.1.1.1/30" }, config.IpAddress);
            Assert.Equal(65001, config.BgpPeer.Single().PeerAsn);
            Assert.Equal("in", config.BgpPeer.Single().ImportPrefixList);
            Assert.Equal("10.2.0.0/16", config.StaticRoute.Single().Prefix);
            // A PSCustomObject reads the same way.
            var pso = new PSObject();
            pso.Properties.Add(new PSNoteProperty("IpAddress", new object[] { "10.1.1.1/30" }));
            Assert.Equal(new[] { "10.1.1.1/30" }, McrConfigRules.InterfaceFrom(pso).IpAddress);
        }

        [Fact]
        public void AHashtableWithATypoOrAPlainTextSecretIsRefused()
        {
            Assert.Contains("'IpAdress'", Refused(() => McrConfigRules.InterfaceFrom(new Hashtable { ["IpAdress"] = "10.1.1.1/30" })).Message);
            Assert.Contains("SecureString", Refused(() => McrConfigRules.BgpPeerFrom(new Hashtable { ["PeerAsn"] = 1, ["PeerIpAddress"] = "10.0.0.2", ["Password"] = "plain" })).Message);
            Assert.Contains("SecureString", Refused(() => McrConfigRules.IpsecTunnelFrom(new Hashtable { ["SourceIpAddress"] = "192.0.2.1", ["DestinationIpAddress"] = "198.51.100.1", ["PreSharedKey"] = "plain-text-key" })).Message);
        }

        [Theory]
        [InlineData("IPv4", "permit", "10.0.0.0/8", null, 24, true)]
        [InlineData("IPv4", "deny", "0.0.0.0/0", 8, 32, true)]
        [InlineData("IPv6", "permit", "2001:db8::/32", 48, 64, true)]
        [InlineData("IPv4", "permit", "2001:db8::/32", null, null, false)] // family mismatch
        [InlineData("IPv6", "permit", "10.0.0.0/8", null, null, false)]
        [InlineData("IPv4", "allow", "10.0.0.0/8", null, null, false)]    // action
        [InlineData("IPv4", "permit", "10.0.0.0", null, null, false)]     // no length
        [InlineData("IPv4", "permit", "10.0.0.0/8", 7, null, false)]      // ge below the length
        [InlineData("IPv4", "permit", "10.0.0.0/8", 24, 16, false)]       // le below ge
        [InlineData("IPv4", "permit", "10.0.0.0/8", null, 33, false)]     // le above 32
        [InlineData("IPv6", "permit", "2001:db8::/32", null, 129, false)]
        public void PrefixListEntriesFollowTheRules(string family, string action, string prefix, int? ge, int? le, bool ok)
        {
            var entry = new Hashtable { ["Action"] = action, ["Prefix"] = prefix };
            if (ge != null) entry["Ge"] = ge;
            if (le != null) entry["Le"] = le;
            if (ok)
            {
                var e = PrefixListRules.Read(new object[] { entry }, family).Entries.Single();
                Assert.Equal((action, prefix, ge, le), (e.Action, e.Prefix, e.Ge, e.Le));
            }
            else Refused(() => PrefixListRules.Read(new object[] { entry }, family));
        }
    }
}
