using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Errors;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>Network designs: validate (priced, creates nothing) and buy.</summary>
    internal sealed partial class MegaportApi
    {
        /// <summary>POST /v3/networkdesign/validate with the bare array of order lines; one price per line the API priced.</summary>
        public async Task<IReadOnlyList<Quote>> ValidateAsync(IReadOnlyList<object> lines, CallContext ctx)
        {
            var body = new JArray(lines.Select(RequestJson.ToToken));
            var result = await Client.SendAsync("POST", "/v3/networkdesign/validate", body, RetryKind.Read, ctx).ConfigureAwait(false);
            return ((result.Data as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>()).Select(Readers.Quote).ToList();
        }

        /// <summary>
        /// POST /v4/networkdesign/buy. Sent once: retried only when the API answers 429 or the connection was refused
        /// before anything was sent. Returns the UIDs of the services created.
        /// </summary>
        public async Task<IReadOnlyList<string>> BuyAsync(IReadOnlyList<object> lines, CallContext ctx)
        {
            var body = new JObject { ["networkDesign"] = new JArray(lines.Select(RequestJson.ToToken)), ["discountCodes"] = new JArray() };
            var result = await Client.SendAsync("POST", "/v4/networkdesign/buy", body, RetryKind.Write, ctx).ConfigureAwait(false);
            var uids = Readers.CreatedUids(result.Data);
            if (uids.Count == 0)
                throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                    $"POST /v4/networkdesign/buy -> {result.Status} but the answer names no new service (Trace-Id {result.TraceId}).")
                { OutcomeUnknown = true, Method = "POST", Path = "/v4/networkdesign/buy", TraceId = result.TraceId };
            return uids;
        }
    }
}
