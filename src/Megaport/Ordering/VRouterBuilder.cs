using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security;
using Megaport.Api.Requests;
using Megaport.Errors;

namespace Megaport.Ordering
{
    /// <summary>
    /// Turns MCR config objects into the vRouter partnerConfig of a VXC end: prefix lists named by description become
    /// the MCR's list ids, secrets become text only inside the request, and IPsec tunnels get the interface that
    /// carries their source address.
    /// </summary>
    internal static class VRouterBuilder
    {
        /// <summary>The prefix lists the BGP peers name, so the caller knows whether to read the MCR's lists.</summary>
        public static bool NamesPrefixLists(IEnumerable<McrInterfaceConfig> interfaces) =>
            interfaces.SelectMany(i => i.BgpPeer).Any(p => p.ImportPrefixList != null || p.ImportDenyPrefixList != null || p.ExportPrefixList != null || p.ExportDenyPrefixList != null);

        public static VRouterPartnerConfig FromInterfaces(IReadOnlyList<McrInterfaceConfig> interfaces, IReadOnlyList<McrPrefixList> prefixLists, string mcrName) => new()
        {
            Interfaces = interfaces.Select(i => new VRouterInterface
            {
                IpAddresses = i.IpAddress,
                IpRoutes = i.StaticRoute.Length == 0 ? null : i.StaticRoute.Select(r => new IpRoute { Prefix = r.Prefix, NextHop = r.NextHop, Description = r.Description }).ToList(),
                NatIpAddresses = i.NatIpAddress.Length == 0 ? null : i.NatIpAddress,
                Bfd = i.BfdTransmitInterval == null && i.BfdReceiveInterval == null && i.BfdMultiplier == null ? null
                    : new BfdSettings { TxInterval = i.BfdTransmitInterval ?? 300, RxInterval = i.BfdReceiveInterval ?? 300, Multiplier = i.BfdMultiplier ?? 3 },
                Vlan = i.Vlan,
                BgpConnections = i.BgpPeer.Length == 0 ? null : i.BgpPeer.Select(p => Connection(p, i, prefixLists, mcrName)).ToList(),
            }).ToList(),
        };

        static BgpConnection Connection(BgpPeerConfig p, McrInterfaceConfig i, IReadOnlyList<McrPrefixList> lists, string mcrName) => new()
        {
            PeerAsn = p.PeerAsn,
            LocalAsn = p.LocalAsn,
            // Without a local address of its own the session runs from the interface's first address.
            LocalIpAddress = p.LocalIpAddress.Length > 0 ? p.LocalIpAddress : i.IpAddress[0].Split('/')[0],
            PeerIpAddress = p.PeerIpAddress,
            Password = p.Password is { Length: > 0 } ? Plain(p.Password) : null,
            Shutdown = p.Shutdown,
            Description = p.Description,
            MedIn = p.MedIn,
            MedOut = p.MedOut,
            BfdEnabled = p.BfdEnabled,
            ExportPolicy = p.ExportPolicy,
            PermitExportTo = p.PermitExportTo.Length == 0 ? null : p.PermitExportTo,
            DenyExportTo = p.DenyExportTo.Length == 0 ? null : p.DenyExportTo,
            ImportWhitelist = ListId(p.ImportPrefixList, lists, mcrName, "ImportPrefixList"),
            ImportBlacklist = ListId(p.ImportDenyPrefixList, lists, mcrName, "ImportDenyPrefixList"),
            ExportWhitelist = ListId(p.ExportPrefixList, lists, mcrName, "ExportPrefixList"),
            ExportBlacklist = ListId(p.ExportDenyPrefixList, lists, mcrName, "ExportDenyPrefixList"),
            AsPathPrependCount = p.AsPathPrependCount,
            PeerType = p.PeerType,
            AsOverride = p.AsOverride ? true : null,
        };

        static int? ListId(string? description, IReadOnlyList<McrPrefixList> lists, string mcrName, string what)
        {
            if (description == null) return null;
            var list = lists.FirstOrDefault(l => string.Equals(l.Description, description, StringComparison.Ordinal))
                ?? lists.FirstOrDefault(l => string.Equals(l.Description, description, StringComparison.OrdinalIgnoreCase));
            return list?.Id ?? throw MegaportException.InvalidArgument(
                $"-{what} '{description}' is not a prefix list of MCR '{mcrName}'" +
                (lists.Count == 0 ? " (it has none; New-MegaportMcrPrefixList makes one)." : $"; it has {string.Join(", ", lists.Select(l => $"'{l.Description}'"))}."), description);
        }

        /// <summary>
        /// The A-End of an IPsec VXC: one interface carrying each source address, then one ipSecTunnel interface per
        /// tunnel (each holds one tunnel).
        /// </summary>
        public static VRouterPartnerConfig FromTunnels(IReadOnlyList<IpsecTunnelConfig> tunnels)
        {
            var sources = tunnels.Select(t => t.SourceIpAddress.Contains('/') ? t.SourceIpAddress : t.SourceIpAddress + (IsV6(t.SourceIpAddress) ? "/128" : "/32"))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var interfaces = new List<VRouterInterface> { new() { IpAddresses = sources } };
            interfaces.AddRange(tunnels.Select(t => new VRouterInterface
            {
                Description = t.Description,
                InterfaceType = VRouterInterface.IpsecTunnelType,
                IpsecTunnel = new IpsecTunnelOptions
                {
                    SourceIpAddress = t.SourceIpAddress.Split('/')[0],
                    DestinationIpAddress = t.DestinationIpAddress,
                    PreSharedKey = Plain(t.PreSharedKey),
                    Passive = t.Passive,
                    LocalId = t.LocalId,
                    RemoteId = t.RemoteId,
                    Phase1Lifetime = t.Phase1Lifetime,
                    Phase2Lifetime = t.Phase2Lifetime,
                },
            }));
            return new VRouterPartnerConfig { Interfaces = interfaces };
        }

        static bool IsV6(string address) => IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

        static string Plain(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;
    }
}
