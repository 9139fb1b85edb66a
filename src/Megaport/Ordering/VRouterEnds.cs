using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;

namespace Megaport.Ordering
{
    /// <summary>
    /// The vRouter side of a VXC end, checked against the product there: the end must route (an MCR or a NAT gateway),
    /// the prefix lists its BGP peers name and the packet filters its interfaces name must be that product's, and
    /// IPsec tunnels must fit an MCR's add-on. Reads only; what it reads is kept for the rest of a pipeline.
    /// </summary>
    internal sealed class VRouterEnds
    {
        readonly MegaportApi _api;
        readonly Dictionary<string, IReadOnlyList<PrefixList>> _lists = new(StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<string, IReadOnlyList<(int Id, string Description)>> _filters = new(StringComparer.OrdinalIgnoreCase);

        public VRouterEnds(MegaportApi api) => _api = api;

        /// <param name="end">The service at that end.</param>
        /// <param name="what">"A-End" or "B-End".</param>
        /// <param name="parameters">The parameters that asked for it, for messages ("-AEndInterface").</param>
        public async Task<VRouterPartnerConfig> InterfacesAsync(Service end, string what, string parameters, IReadOnlyList<McrInterfaceConfig> interfaces, CallContext ctx)
        {
            var product = Products.Products.Of(end);
            var traits = product.VRouter
                ?? throw MegaportException.InvalidArgument($"The {parameters} parameters configure an MCR or NAT gateway {what}; '{end.Name}' is a {end.ProductType}.", end.ProductUid);
            VRouterBuilder.Refuse(interfaces, product.Noun, end.Name, traits, parameters);
            var lists = VRouterBuilder.NamesPrefixLists(interfaces)
                ? await CachedAsync(_lists, end.ProductUid, () => _api.GetPrefixListsAsync(traits.PrefixLists, end.ProductUid, ctx)).ConfigureAwait(false)
                : Array.Empty<PrefixList>();
            var filters = traits.PacketFilters && VRouterBuilder.NamesPacketFilters(interfaces)
                ? await CachedAsync(_filters, end.ProductUid, () => _api.GetNatGatewayListsAsync(NatGatewayList.PacketFilters, end.ProductUid, ctx)).ConfigureAwait(false)
                : Array.Empty<(int, string)>();
            return VRouterBuilder.FromInterfaces(interfaces, new VRouterTarget(product.Noun, end.Name, traits, lists, filters), parameters);
        }

        /// <summary>The A-End of IPsec tunnels: within the add-on's tunnel count, counting the MCR's tunnels on other VXCs.</summary>
        public async Task<VRouterPartnerConfig> TunnelsAsync(Service end, IReadOnlyList<IpsecTunnelConfig> tunnels, CallContext ctx)
        {
            var mcr = end as Mcr
                ?? throw MegaportException.InvalidArgument($"The -IpsecTunnel parameters configure an MCR A-End; '{end.Name}' is a {end.ProductType}.", end.ProductUid);
            if (mcr.IpsecTunnelCount == 0)
                throw MegaportException.InvalidArgument($"MCR '{mcr.Name}' has no IPsec add-on; add it first with Set-MegaportMcr -IpsecTunnelCount 10 (or 20, 30).", mcr.ProductUid);
            var existing = (await _api.GetIpsecTunnelsAsync(mcr.ProductUid, ctx).ConfigureAwait(false)).Count;
            if (existing + tunnels.Count > mcr.IpsecTunnelCount)
                throw MegaportException.InvalidArgument(
                    $"MCR '{mcr.Name}' has {mcr.IpsecTunnelCount} IPsec tunnels in its add-on and {existing} in use; {tunnels.Count} more do not fit. Set-MegaportMcr -IpsecTunnelCount raises the count.", mcr.ProductUid);
            return VRouterBuilder.FromTunnels(tunnels);
        }

        static async Task<T> CachedAsync<T>(Dictionary<string, T> cache, string uid, Func<Task<T>> read)
        {
            if (cache.TryGetValue(uid, out var cached)) return cached;
            return cache[uid] = await read().ConfigureAwait(false);
        }
    }
}
