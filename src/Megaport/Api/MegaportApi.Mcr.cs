using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Megaport.Api.Requests;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>An MCR's own resources: the IPsec add-on and its tunnels (its prefix lists are in MegaportApi.PrefixLists.cs).</summary>
    internal sealed partial class MegaportApi
    {
        /// <summary>POST /v3/product/{uid}/addon: the IPsec add-on for an MCR that has none.</summary>
        public Task<ApiResult> AddIpsecAsync(string mcrUid, int tunnelCount, CallContext ctx) =>
            Client.SendAsync("POST", $"/v3/product/{Escape(mcrUid)}/addon", RequestJson.ToToken(new McrAddOnChange { TunnelCount = tunnelCount }), RetryKind.Write, ctx);

        /// <summary>PUT /v3/product/{uid}/addon/{addOnUid}: a new tunnel count; 0 turns IPsec off.</summary>
        public Task<ApiResult> ChangeIpsecAsync(string mcrUid, string addOnUid, int tunnelCount, CallContext ctx) =>
            Client.SendAsync("PUT", $"/v3/product/{Escape(mcrUid)}/addon/{Escape(addOnUid)}", RequestJson.ToToken(new McrAddOnChange { TunnelCount = tunnelCount }), RetryKind.Write, ctx);

        /// <summary>GET /v3/products/mcrs/{uid}/ipsec: the MCR's tunnels, per VXC (no keys).</summary>
        public async Task<IReadOnlyList<McrIpsecTunnel>> GetIpsecTunnelsAsync(string mcrUid, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", $"/v3/products/mcrs/{Escape(mcrUid)}/ipsec", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return Readers.IpsecTunnels(mcrUid, result.Data as JObject).ToList();
        }
    }
}
