using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>
    /// Whose prefix lists: an MCR's (under /v2/product/mcr2) or a NAT gateway's (under /v3/products/nat_gateways).
    /// Besides the paths the owners differ in one thing, how ge and le travel in a request.
    /// </summary>
    internal sealed class PrefixListOwner
    {
        public static readonly PrefixListOwner Mcr = new("MCR", "MegaportMcrPrefixList",
            uid => $"/v2/product/mcr2/{Uri.EscapeDataString(uid)}/prefixLists", uid => $"/v2/product/mcr2/{Uri.EscapeDataString(uid)}/prefixList",
            lengthsAsText: false);

        public static readonly PrefixListOwner NatGateway = new("NAT gateway", "MegaportNatGatewayPrefixList",
            uid => MegaportApi.NatGatewayListSummaries(NatGatewayList.PrefixLists, uid), uid => MegaportApi.NatGatewayListItems(NatGatewayList.PrefixLists, uid),
            lengthsAsText: true);

        PrefixListOwner(string word, string noun, Func<string, string> summaries, Func<string, string> items, bool lengthsAsText)
        {
            Word = word;
            Lister = "Get-" + noun;
            Maker = "New-" + noun;
            Summaries = summaries;
            Items = items;
            LengthsAsText = lengthsAsText;
        }

        /// <summary>"MCR" or "NAT gateway", for messages.</summary>
        public string Word { get; }
        /// <summary>The cmdlets that list and make them, for messages.</summary>
        public string Lister { get; }
        public string Maker { get; }
        /// <summary>GET: the lists' ids and descriptions, without entries.</summary>
        public Func<string, string> Summaries { get; }
        /// <summary>POST creates here; with "/{id}" one list is read, replaced and deleted.</summary>
        public Func<string, string> Items { get; }
        /// <summary>An MCR takes ge and le as numbers, a NAT gateway as text (both answer with text).</summary>
        public bool LengthsAsText { get; }

        public override string ToString() => Word;
    }

    /// <summary>The prefix lists of MCRs and NAT gateways: one set of calls, one reader (Readers.PrefixList), for both owners.</summary>
    internal sealed partial class MegaportApi
    {
        /// <summary>The ids and descriptions of the owner's lists.</summary>
        public Task<IReadOnlyList<(int Id, string Description)>> GetPrefixListSummariesAsync(PrefixListOwner owner, string uid, CallContext ctx) =>
            GetSummariesAsync(owner.Summaries(uid), ctx);

        /// <summary>Every list of the owner with its entries (the listing names them; each is then read).</summary>
        public async Task<IReadOnlyList<PrefixList>> GetPrefixListsAsync(PrefixListOwner owner, string uid, CallContext ctx)
        {
            var lists = new List<PrefixList>();
            foreach (var (id, _) in await GetPrefixListSummariesAsync(owner, uid, ctx).ConfigureAwait(false))
                lists.Add(await GetPrefixListAsync(owner, uid, id, ctx).ConfigureAwait(false));
            return lists;
        }

        public async Task<PrefixList> GetPrefixListAsync(PrefixListOwner owner, string uid, int id, CallContext ctx)
        {
            var path = $"{owner.Items(uid)}/{id}";
            try
            {
                var result = await Client.SendAsync("GET", path, null, RetryKind.Read, ctx).ConfigureAwait(false);
                return result.Data is JObject o ? Readers.PrefixList(uid, o) : throw NoData("GET", path, result);
            }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                ex.Target = id;
                ex.RecommendedAction = $"{owner.Lister} -ProductUid {uid} lists the {owner.Word}'s prefix lists.";
                throw;
            }
        }

        /// <summary>
        /// Creates a list (<paramref name="id"/> null) or replaces one, and returns it as the API now has it: from the
        /// answer when it carries the list, else read again (an answer may hold only the new id).
        /// </summary>
        public async Task<PrefixList> SetPrefixListAsync(PrefixListOwner owner, string uid, int? id, PrefixListSpec spec, CallContext ctx)
        {
            var method = id == null ? "POST" : "PUT";
            var path = owner.Items(uid) + (id is int i ? "/" + i : "");
            spec.LengthsAsText = owner.LengthsAsText;
            var result = await Client.SendAsync(method, path, RequestJson.ToToken(spec), RetryKind.Write, ctx).ConfigureAwait(false);
            var answer = result.Data as JObject;
            if (answer?.Get("entries") is JArray) return Readers.PrefixList(uid, answer);
            var listId = id ?? answer.Int("id")
                ?? throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"POST {path} answered no list id (Trace-Id {result.TraceId}).", spec.Description)
                { OutcomeUnknown = true };
            return await GetPrefixListAsync(owner, uid, listId, ctx).ConfigureAwait(false);
        }

        public Task<ApiResult> DeletePrefixListAsync(PrefixListOwner owner, string uid, int id, CallContext ctx) =>
            Client.SendAsync("DELETE", $"{owner.Items(uid)}/{id}", null, RetryKind.Write, ctx);
    }
}
