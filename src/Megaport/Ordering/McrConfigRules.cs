using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security;
using Megaport.Api;
using Megaport.Errors;

namespace Megaport.Ordering
{
    /// <summary>
    /// Makes the vRouter config objects (interfaces, BGP peers, IPsec tunnels) from parameters or from hashtables with the
    /// same keys, checking every field before any request: the New-Megaport*Config cmdlets and the VXC cmdlets'
    /// hashtable input share these rules.
    /// </summary>
    internal static class McrConfigRules
    {
        static MegaportException Bad(string message, object? target = null) => MegaportException.InvalidArgument(message, target);

        public static McrInterfaceConfig Interface(IReadOnlyList<string>? ipAddresses, IReadOnlyList<McrStaticRoute>? staticRoutes,
            IReadOnlyList<string>? natIpAddresses, int? bfdTransmit, int? bfdReceive, int? bfdMultiplier, int? vlan, IReadOnlyList<BgpPeerConfig>? peers,
            string? packetFilterIn = null, string? packetFilterOut = null)
        {
            if (ipAddresses is not { Count: > 0 }) throw Bad("An MCR interface needs -IpAddress (e.g. 169.254.100.1/30).");
            foreach (var ip in ipAddresses) Check.Cidr(ip, "IpAddress");
            foreach (var ip in natIpAddresses ?? Array.Empty<string>()) Address(ip, "NatIpAddress");
            if (bfdTransmit is int tx && (tx < 300 || tx > 9000)) throw Bad($"-BfdTransmitInterval {tx} is outside 300-9000 ms.", tx);
            if (bfdReceive is int rx && (rx < 300 || rx > 9000)) throw Bad($"-BfdReceiveInterval {rx} is outside 300-9000 ms.", rx);
            if (bfdMultiplier is int m && (m < 3 || m > 20)) throw Bad($"-BfdMultiplier {m} is outside 3-20.", m);
            if (vlan is int v && (v < 2 || v > 4093)) throw Bad($"-Vlan {v} is outside 2-4093.", v);
            foreach (var (name, value) in new[] { ("PacketFilterIn", packetFilterIn), ("PacketFilterOut", packetFilterOut) })
                if (value != null)
                {
                    if (string.IsNullOrWhiteSpace(value)) throw Bad($"-{name} must name a packet filter (its description or id).");
                    Check.Text(value, name);
                }
            return new McrInterfaceConfig
            {
                IpAddress = ipAddresses.ToArray(),
                StaticRoute = (staticRoutes ?? Array.Empty<McrStaticRoute>()).ToArray(),
                NatIpAddress = (natIpAddresses ?? Array.Empty<string>()).ToArray(),
                BfdTransmitInterval = bfdTransmit,
                BfdReceiveInterval = bfdReceive,
                BfdMultiplier = bfdMultiplier,
                Vlan = vlan,
                BgpPeer = (peers ?? Array.Empty<BgpPeerConfig>()).ToArray(),
                PacketFilterIn = packetFilterIn,
                PacketFilterOut = packetFilterOut,
            };
        }

        public static McrStaticRoute StaticRoute(string? prefix, string? nextHop, string? description)
        {
            Check.Cidr(prefix ?? "", "StaticRoute Prefix");
            Address(nextHop, "StaticRoute NextHop");
            Check.Text(description, "StaticRoute Description");
            return new McrStaticRoute { Prefix = prefix!, NextHop = nextHop!, Description = description };
        }

        static readonly string[] PeerTypes = { "NON_CLOUD", "PRIV_CLOUD", "PUB_CLOUD" };

        public static BgpPeerConfig BgpPeer(long peerAsn, long? localAsn, string? localIpAddress, string? peerIpAddress, SecureString? password,
            bool shutdown, string? description, int? medIn, int? medOut, bool bfd, string? exportPolicy, IReadOnlyList<string>? permitExportTo,
            IReadOnlyList<string>? denyExportTo, string? importPrefixList, string? importDenyPrefixList, string? exportPrefixList,
            string? exportDenyPrefixList, int? asPathPrependCount, string? peerType, bool asOverride)
        {
            Check.Asn(peerAsn, "PeerAsn");
            if (localAsn is long l) Check.Asn(l, "LocalAsn");
            if (localIpAddress != null) Address(localIpAddress, "LocalIpAddress");
            Address(peerIpAddress, "PeerIpAddress");
            if (password != null && (password.Length < 1 || password.Length > 255)) throw Bad($"-Password is {password.Length} characters long; a BGP password has 1 to 255.");
            Check.Text(description, "Description");
            if (medIn is < 0) throw Bad($"-MedIn {medIn} must not be negative.", medIn);
            if (medOut is < 0) throw Bad($"-MedOut {medOut} must not be negative.", medOut);
            var policy = exportPolicy?.ToLowerInvariant();
            if (policy is not (null or "permit" or "deny")) throw Bad($"-ExportPolicy '{exportPolicy}' must be permit or deny.", exportPolicy);
            foreach (var ip in permitExportTo ?? Array.Empty<string>()) Address(ip, "PermitExportTo");
            foreach (var ip in denyExportTo ?? Array.Empty<string>()) Address(ip, "DenyExportTo");
            foreach (var (name, value) in new[] { ("ImportPrefixList", importPrefixList), ("ImportDenyPrefixList", importDenyPrefixList), ("ExportPrefixList", exportPrefixList), ("ExportDenyPrefixList", exportDenyPrefixList) })
                if (value != null)
                {
                    if (string.IsNullOrWhiteSpace(value)) throw Bad($"-{name} must name a prefix list.");
                    Check.Text(value, name);
                }
            if (asPathPrependCount is int p && (p < 0 || p > 10)) throw Bad($"-AsPathPrependCount {p} is outside 0-10.", p);
            var type = peerType?.ToUpperInvariant();
            if (type != null && !PeerTypes.Contains(type)) throw Bad($"-PeerType '{peerType}' must be one of {string.Join(", ", PeerTypes)}.", peerType);
            return new BgpPeerConfig
            {
                PeerAsn = peerAsn,
                LocalAsn = localAsn,
                LocalIpAddress = localIpAddress ?? "",
                PeerIpAddress = peerIpAddress!,
                Password = password?.Copy(),
                Shutdown = shutdown,
                Description = description,
                MedIn = medIn,
                MedOut = medOut,
                BfdEnabled = bfd,
                ExportPolicy = policy,
                PermitExportTo = (permitExportTo ?? Array.Empty<string>()).ToArray(),
                DenyExportTo = (denyExportTo ?? Array.Empty<string>()).ToArray(),
                ImportPrefixList = importPrefixList,
                ImportDenyPrefixList = importDenyPrefixList,
                ExportPrefixList = exportPrefixList,
                ExportDenyPrefixList = exportDenyPrefixList,
                AsPathPrependCount = asPathPrependCount,
                PeerType = type,
                AsOverride = asOverride,
            };
        }

        public static IpsecTunnelConfig IpsecTunnel(string? sourceIpAddress, string? destinationIpAddress, SecureString? preSharedKey, bool? passive,
            string? localId, string? remoteId, int? phase1Lifetime, int? phase2Lifetime, string? description)
        {
            if (sourceIpAddress == null || (!sourceIpAddress.Contains('/') ? !IPAddress.TryParse(sourceIpAddress, out _) : !IsCidr(sourceIpAddress)))
                throw Bad($"-SourceIpAddress '{sourceIpAddress}' is not an address (192.0.2.1/30, or 192.0.2.1).", sourceIpAddress);
            Address(destinationIpAddress, "DestinationIpAddress");
            if (preSharedKey == null || preSharedKey.Length < 8 || preSharedKey.Length > 64)
                throw Bad($"-PreSharedKey must be 8 to 64 characters (it is {preSharedKey?.Length ?? 0}).");
            Check.Text(localId, "LocalId");
            Check.Text(remoteId, "RemoteId");
            Check.Text(description, "Description");
            if (phase1Lifetime is int p1 && (p1 < 3600 || p1 > 604800)) throw Bad($"-Phase1Lifetime {p1} is outside 3600-604800 seconds.", p1);
            if (phase2Lifetime is int p2)
            {
                if (p2 < 600 || p2 > 86400) throw Bad($"-Phase2Lifetime {p2} is outside 600-86400 seconds.", p2);
                var phase1 = phase1Lifetime ?? 28800;
                if (p2 >= phase1) throw Bad($"-Phase2Lifetime {p2} must be below phase 1's {phase1} seconds.", p2);
            }
            return new IpsecTunnelConfig
            {
                SourceIpAddress = sourceIpAddress,
                DestinationIpAddress = destinationIpAddress!,
                PreSharedKey = preSharedKey.Copy(),
                Passive = passive,
                LocalId = localId,
                RemoteId = remoteId,
                Phase1Lifetime = phase1Lifetime,
                Phase2Lifetime = phase2Lifetime,
                Description = description,
            };
        }

        static bool IsCidr(string value)
        {
            try { Check.Cidr(value, "x"); return true; }
            catch (MegaportException) { return false; }
        }

        static void Address(string? value, string what)
        {
            if (value == null || !IPAddress.TryParse(value, out var ip) || ip.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6) || value.Contains('/'))
                throw Bad($"-{what} '{value}' is not an IP address.", value);
        }

        // ---- hashtable input: the same keys as the cmdlets' parameters ------------------------------------------

        public static McrInterfaceConfig InterfaceFrom(object value) => PSJson.Unwrap(value) switch
        {
            McrInterfaceConfig config => config,
            _ => Settings.Read(value, "McrInterfaceConfig", InterfaceKeys, s => Interface(s.Texts("IpAddress"), s.List("StaticRoute", StaticRouteFrom), s.Texts("NatIpAddress"),
                s.Int("BfdTransmitInterval"), s.Int("BfdReceiveInterval"), s.Int("BfdMultiplier"), s.Int("Vlan"), s.List("BgpPeer", BgpPeerFrom),
                s.Text("PacketFilterIn"), s.Text("PacketFilterOut"))),
        };

        public static McrStaticRoute StaticRouteFrom(object value) => PSJson.Unwrap(value) switch
        {
            McrStaticRoute route => route,
            _ => Settings.Read(value, "StaticRoute", RouteKeys, s => StaticRoute(s.Text("Prefix"), s.Text("NextHop"), s.Text("Description"))),
        };

        public static BgpPeerConfig BgpPeerFrom(object value) => PSJson.Unwrap(value) switch
        {
            BgpPeerConfig peer => peer,
            _ => Settings.Read(value, "BgpPeerConfig", PeerKeys, s => BgpPeer(s.Long("PeerAsn") ?? 0, s.Long("LocalAsn"), s.Text("LocalIpAddress"), s.Text("PeerIpAddress"),
                s.Secret("Password"), s.Bool("Shutdown"), s.Text("Description"), s.Int("MedIn"), s.Int("MedOut"), s.Bool("BfdEnabled"), s.Text("ExportPolicy"),
                s.Texts("PermitExportTo"), s.Texts("DenyExportTo"), s.Text("ImportPrefixList"), s.Text("ImportDenyPrefixList"), s.Text("ExportPrefixList"),
                s.Text("ExportDenyPrefixList"), s.Int("AsPathPrependCount"), s.Text("PeerType"), s.Bool("AsOverride"))),
        };

        public static IpsecTunnelConfig IpsecTunnelFrom(object value) => PSJson.Unwrap(value) switch
        {
            IpsecTunnelConfig tunnel => tunnel,
            _ => Settings.Read(value, "IpsecTunnelConfig", TunnelKeys, s => IpsecTunnel(s.Text("SourceIpAddress"), s.Text("DestinationIpAddress"), s.Secret("PreSharedKey"),
                s.Has("Passive") ? s.Bool("Passive") : null, s.Text("LocalId"), s.Text("RemoteId"), s.Int("Phase1Lifetime"), s.Int("Phase2Lifetime"), s.Text("Description"))),
        };

        static readonly string[] InterfaceKeys = { "IpAddress", "StaticRoute", "NatIpAddress", "BfdTransmitInterval", "BfdReceiveInterval", "BfdMultiplier", "Vlan", "BgpPeer",
            "PacketFilterIn", "PacketFilterOut" };
        static readonly string[] RouteKeys = { "Prefix", "NextHop", "Description" };
        static readonly string[] PeerKeys = { "PeerAsn", "LocalAsn", "LocalIpAddress", "PeerIpAddress", "Password", "Shutdown", "Description", "MedIn", "MedOut",
            "BfdEnabled", "ExportPolicy", "PermitExportTo", "DenyExportTo", "ImportPrefixList", "ImportDenyPrefixList", "ExportPrefixList", "ExportDenyPrefixList",
            "AsPathPrependCount", "PeerType", "AsOverride" };
        static readonly string[] TunnelKeys = { "SourceIpAddress", "DestinationIpAddress", "PreSharedKey", "Passive", "LocalId", "RemoteId", "Phase1Lifetime", "Phase2Lifetime", "Description" };
    }
}
