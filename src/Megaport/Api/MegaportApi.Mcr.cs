using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>An MCR's own resources: prefix filter lists, the IPsec add-on and its tunnels.</summary>
    internal sealed partial class MegaportApi
    {
        static string PrefixListsPath(string mcrUid) => $"/v2/product/mcr2/{Escape(mcrUid)}/prefixList";

        /// <summary>Every prefix list of the MCR with its entries (the listing names them; each is then read).</summary>
        public async Task<IReadOnlyList<McrPrefixList>> GetPrefixListsAsync(string mcrUid, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", $"/v2/product/mcr2/{Escape(mcrUid)}/prefixLists", null, RetryKind.Read, ctx).ConfigureAwait(false);
            var ids = ((result.Data as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>()).Select(o => o.Int("id")).Where(i => i != null).Select(i => i!.Value).ToList();
            var lists = new List<McrPrefixList>();
            foreach (var id in ids) lists.Add(await GetPrefixListAsync(mcrUid, id, ctx).ConfigureAwait(false));
            return lists;
        }

        public async Task<McrPrefixList> GetPrefixListAsync(string mcrUid, int id, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", $"{PrefixListsPath(mcrUid)}/{id}", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return result.Data is JObject o ? Readers.PrefixList(mcrUid, o)
                : throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"GET {PrefixListsPath(mcrUid)}/{id} returned no list (Trace-Id {result.TraceId}).", id);
        }

        /// <summary>Creates a list; returns its id.</summary>
        public async Task<int> CreatePrefixListAsync(string mcrUid, PrefixListRequest list, CallContext ctx)
        {
            var result = await Client.SendAsync("POST", PrefixListsPath(mcrUid), RequestJson.ToToken(list), RetryKind.Write, ctx).ConfigureAwait(false);
            return (result.Data as JObject).Int("id")
                ?? throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"POST {PrefixListsPath(mcrUid)} answered no list id (Trace-Id {result.TraceId}).", list.Description)
                { OutcomeUnknown = true };
        }

        public Task<ApiResult> UpdatePrefixListAsync(string mcrUid, int id, PrefixListRequest list, CallContext ctx) =>
            Client.SendAsync("PUT", $"{PrefixListsPath(mcrUid)}/{id}", RequestJson.ToToken(list), RetryKind.Write, ctx);

        public Task<ApiResult> DeletePrefixListAsync(string mcrUid, int id, CallContext ctx) =>
            Client.SendAsync("DELETE", $"{PrefixListsPath(mcrUid)}/{id}", null, RetryKind.Write, ctx);

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
