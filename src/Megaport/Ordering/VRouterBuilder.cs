using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Products;

namespace Megaport.Ordering
{
    /// <summary>
    /// The routing product an end's interfaces are built for (an MCR or a NAT gateway), with what their names resolve
    /// against: its prefix lists and, on a NAT gateway, its packet filters.
    /// </summary>
    internal sealed class VRouterTarget
    {
        public VRouterTarget(string noun, string name, VRouterTraits traits, IReadOnlyList<PrefixList> prefixLists, IReadOnlyList<(int Id, string Description)> packetFilters)
        {
            Noun = noun;
            Name = name;
            Traits = traits;
            PrefixLists = prefixLists;
            PacketFilters = packetFilters;
        }

        /// <summary>"MCR" or "NAT gateway".</summary>
        public string Noun { get; }
        public string Name { get; }
        public VRouterTraits Traits { get; }
        public IReadOnlyList<PrefixList> PrefixLists { get; }
        public IReadOnlyList<(int Id, string Description)> PacketFilters { get; }

        public override string ToString() => $"{Noun} '{Name}'";
    }

    /// <summary>
    /// Turns vRouter config objects into the partnerConfig of an MCR or NAT gateway end of a VXC: prefix lists and
    /// packet filters named by description become the product's ids, secrets become text only inside the request, and
    /// IPsec tunnels get the interface that carries their source address. What the end cannot take is refused.
    /// </summary>
    internal static class VRouterBuilder
    {
        /// <summary>The prefix lists the BGP peers name, so the caller knows whether to read the product's lists.</summary>
        public static bool NamesPrefixLists(IEnumerable<McrInterfaceConfig> interfaces) =>
            interfaces.SelectMany(i => i.BgpPeer).Any(p => p.ImportPrefixList != null || p.ImportDenyPrefixList != null || p.ExportPrefixList != null || p.ExportDenyPrefixList != null);

        /// <summary>Whether any interface names a packet filter, so the caller knows whether to read the gateway's filters.</summary>
        public static bool NamesPacketFilters(IEnumerable<McrInterfaceConfig> interfaces) => interfaces.Any(i => i.PacketFilterIn != null || i.PacketFilterOut != null);

        /// <param name="parameter">The parameter the interfaces came from, for messages ("-AEndInterface").</param>
        public static VRouterPartnerConfig FromInterfaces(IReadOnlyList<McrInterfaceConfig> interfaces, VRouterTarget end, string parameter)
        {
            Refuse(interfaces, end.Noun, end.Name, end.Traits, parameter);
            return new VRouterPartnerConfig
            {
                Interfaces = interfaces.Select((i, n) => Interface(i, end, What(interfaces, n, parameter))).ToList(),
            };
        }

        static string What(IReadOnlyList<McrInterfaceConfig> interfaces, int n, string parameter) => interfaces.Count == 1 ? parameter : $"{parameter} {n + 1}";

        /// <summary>
        /// What the kind of end refuses whatever it holds: NAT addresses on a NAT gateway (it manages its own), packet
        /// filters on an MCR (it has none). Checked before the end's lists are read.
        /// </summary>
        public static void Refuse(IReadOnlyList<McrInterfaceConfig> interfaces, string noun, string name, VRouterTraits traits, string parameter)
        {
            for (var n = 0; n < interfaces.Count; n++)
            {
                var i = interfaces[n];
                var what = What(interfaces, n, parameter);
                if (i.NatIpAddress.Length > 0 && !traits.NatAddresses)
                    throw MegaportException.InvalidArgument(
                        $"{what}: NatIpAddress ({string.Join(", ", i.NatIpAddress)}) is not allowed on a {noun} end: {noun} '{name}' manages its NAT addresses itself.", i.NatIpAddress);
                if ((i.PacketFilterIn ?? i.PacketFilterOut) is string filter && !traits.PacketFilters)
                    throw MegaportException.InvalidArgument(
                        $"{what}: {(i.PacketFilterIn != null ? "PacketFilterIn" : "PacketFilterOut")} '{filter}' names a packet filter, which only a NAT gateway end has; {noun} '{name}' is not one.", filter);
            }
        }

        static VRouterInterface Interface(McrInterfaceConfig i, VRouterTarget end, string what)
        {
            return new VRouterInterface
            {
                IpAddresses = i.IpAddress,
                IpRoutes = i.StaticRoute.Length == 0 ? null : i.StaticRoute.Select(r => new IpRoute { Prefix = r.Prefix, NextHop = r.NextHop, Description = r.Description }).ToList(),
                NatIpAddresses = i.NatIpAddress.Length == 0 ? null : i.NatIpAddress,
                Bfd = i.BfdTransmitInterval == null && i.BfdReceiveInterval == null && i.BfdMultiplier == null ? null
                    : new BfdSettings { TxInterval = i.BfdTransmitInterval ?? 300, RxInterval = i.BfdReceiveInterval ?? 300, Multiplier = i.BfdMultiplier ?? 3 },
                Vlan = i.Vlan,
                BgpConnections = i.BgpPeer.Length == 0 ? null : i.BgpPeer.Select(p => Connection(p, i, end)).ToList(),
                PacketFilterIn = FilterId(i.PacketFilterIn, end, what, nameof(McrInterfaceConfig.PacketFilterIn)),
                PacketFilterOut = FilterId(i.PacketFilterOut, end, what, nameof(McrInterfaceConfig.PacketFilterOut)),
            };
        }

        static BgpConnection Connection(BgpPeerConfig p, McrInterfaceConfig i, VRouterTarget end) => new()
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
            ImportWhitelist = ListId(p.ImportPrefixList, end, "ImportPrefixList"),
            ImportBlacklist = ListId(p.ImportDenyPrefixList, end, "ImportDenyPrefixList"),
            ExportWhitelist = ListId(p.ExportPrefixList, end, "ExportPrefixList"),
            ExportBlacklist = ListId(p.ExportDenyPrefixList, end, "ExportDenyPrefixList"),
            AsPathPrependCount = p.AsPathPrependCount,
            PeerType = p.PeerType,
            AsOverride = p.AsOverride ? true : null,
        };

        static int? ListId(string? description, VRouterTarget end, string what)
        {
            if (description == null) return null;
            var lists = end.PrefixLists;
            var list = lists.FirstOrDefault(l => string.Equals(l.Description, description, StringComparison.Ordinal))
                ?? lists.FirstOrDefault(l => string.Equals(l.Description, description, StringComparison.OrdinalIgnoreCase));
            return list?.Id ?? throw MegaportException.InvalidArgument(
                $"-{what} '{description}' is not a prefix list of {end}" +
                (lists.Count == 0 ? $" (it has none; {end.Traits.PrefixLists.Maker} makes one)." : $"; it has {string.Join(", ", lists.Select(l => $"'{l.Description}'"))}."), description);
        }

        /// <summary>
        /// A packet filter by its id or its description (exact, else ignoring case). An id wins over a description
        /// that happens to be the same number.
        /// </summary>
        static int? FilterId(string? filter, VRouterTarget end, string what, string key)
        {
            if (filter == null) return null;
            var filters = end.PacketFilters;
            var byId = int.TryParse(filter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && filters.Any(f => f.Id == id);
            if (byId) return id;
            var named = filters.Where(f => string.Equals(f.Description, filter, StringComparison.Ordinal)).ToList();
            if (named.Count == 0) named = filters.Where(f => string.Equals(f.Description, filter, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 1) return named[0].Id;
            if (named.Count > 1)
                throw MegaportException.InvalidArgument($"{what}: {key} '{filter}' matches {named.Count} packet filters of {end}; name one by id ({string.Join(", ", named.Select(f => f.Id))}).", filter);
            throw MegaportException.InvalidArgument($"{what}: {key} '{filter}' is not a packet filter of {end}" +
                (filters.Count == 0 ? " (it has none; New-MegaportNatGatewayPacketFilter makes one)."
                    : $"; it has {string.Join(", ", filters.Select(f => $"'{f.Description}' ({f.Id})"))}."), filter);
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
