using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Transport;

namespace Megaport.Ordering
{
    /// <summary>
    /// The MCR side of a VXC end, checked against the MCR itself: the end must be an MCR, the prefix lists its BGP
    /// peers name must be that MCR's, and IPsec tunnels must fit its add-on's tunnel count. Reads only.
    /// </summary>
    internal sealed class McrEnds
    {
        readonly MegaportApi _api;
        readonly Dictionary<string, IReadOnlyList<McrPrefixList>> _lists = new(StringComparer.OrdinalIgnoreCase);

        public McrEnds(MegaportApi api) => _api = api;

        /// <param name="end">The service at that end.</param>
        /// <param name="what">"A-End" or "B-End".</param>
        /// <param name="parameters">The parameters that asked for it, for messages ("-AEndInterface").</param>
        public async Task<VRouterPartnerConfig> InterfacesAsync(Service end, string what, string parameters, IReadOnlyList<McrInterfaceConfig> interfaces, CallContext ctx)
        {
            var mcr = RequireMcr(end, what, parameters);
            var lists = VRouterBuilder.NamesPrefixLists(interfaces) ? await ListsAsync(mcr, ctx).ConfigureAwait(false) : Array.Empty<McrPrefixList>();
            return VRouterBuilder.FromInterfaces(interfaces, lists, mcr.Name);
        }

        /// <summary>The A-End of IPsec tunnels: within the add-on's tunnel count, counting the MCR's tunnels on other VXCs.</summary>
        public async Task<VRouterPartnerConfig> TunnelsAsync(Service end, IReadOnlyList<IpsecTunnelConfig> tunnels, CallContext ctx)
        {
            var mcr = RequireMcr(end, "A-End", "-IpsecTunnel");
            if (mcr.IpsecTunnelCount == 0)
                throw MegaportException.InvalidArgument($"MCR '{mcr.Name}' has no IPsec add-on; add it first with Set-MegaportMcr -IpsecTunnelCount 10 (or 20, 30).", mcr.ProductUid);
            var existing = (await _api.GetIpsecTunnelsAsync(mcr.ProductUid, ctx).ConfigureAwait(false)).Count;
            if (existing + tunnels.Count > mcr.IpsecTunnelCount)
                throw MegaportException.InvalidArgument(
                    $"MCR '{mcr.Name}' has {mcr.IpsecTunnelCount} IPsec tunnels in its add-on and {existing} in use; {tunnels.Count} more do not fit. Set-MegaportMcr -IpsecTunnelCount raises the count.", mcr.ProductUid);
            return VRouterBuilder.FromTunnels(tunnels);
        }

        async Task<IReadOnlyList<McrPrefixList>> ListsAsync(Mcr mcr, CallContext ctx)
        {
            if (_lists.TryGetValue(mcr.ProductUid, out var cached)) return cached;
            return _lists[mcr.ProductUid] = await _api.GetPrefixListsAsync(mcr.ProductUid, ctx).ConfigureAwait(false);
        }

        static Mcr RequireMcr(Service end, string what, string parameters) => end as Mcr
            ?? throw MegaportException.InvalidArgument($"The {parameters} parameters configure an MCR {what}; '{end.Name}' is a {end.ProductType}.", end.ProductUid);
    }
}
