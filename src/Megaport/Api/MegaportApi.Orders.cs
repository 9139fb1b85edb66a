using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>
    /// Network designs: validate (priced, creates nothing) and buy. Products created first as a DESIGN (NAT gateways)
    /// are created at their design path, validated and bought by UID (the v3 buy takes a bare array), or deleted.
    /// </summary>
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

        /// <summary>POST the product's design path: a new DESIGN (nothing is bought or billed). Returns its UID.</summary>
        public async Task<string> CreateDesignAsync(ProductDescriptor product, object spec, CallContext ctx)
        {
            var path = DesignPathOf(product);
            var result = await Client.SendAsync("POST", path, RequestJson.ToToken(spec), RetryKind.Write, ctx).ConfigureAwait(false);
            return (result.Data as JObject).Str("productUid")
                ?? throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                    $"POST {path} -> {result.Status} but the answer names no design (Trace-Id {result.TraceId}).")
                { OutcomeUnknown = true, Method = "POST", Path = path, TraceId = result.TraceId };
        }

        /// <summary>POST /v3/networkdesign/validate [{"productUid": design}]: the API's checks and price of a design.</summary>
        public Task<IReadOnlyList<Quote>> ValidateDesignAsync(string designUid, CallContext ctx) =>
            ValidateAsync(new object[] { DesignItem(designUid) }, ctx);

        /// <summary>
        /// POST /v3/networkdesign/buy with the bare array [{"productUid": design}]: buys a design, which then provisions.
        /// Sent once, like every buy. Returns the bought service's UID (the design's own).
        /// </summary>
        public async Task<string> BuyDesignAsync(string designUid, CallContext ctx)
        {
            var result = await Client.SendAsync("POST", "/v3/networkdesign/buy", new JArray(DesignItem(designUid)), RetryKind.Write, ctx).ConfigureAwait(false);
            var bought = ((result.Data as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>()).Select(o => o.Str("uid") ?? o.Str("productUid")).FirstOrDefault(u => u != null);
            return bought ?? designUid;
        }

        /// <summary>DELETE {design path}/{uid}: removes a design that was never bought.</summary>
        public Task<ApiResult> DeleteDesignAsync(ProductDescriptor product, string designUid, CallContext ctx) =>
            Client.SendAsync("DELETE", DesignPathOf(product) + "/" + Escape(designUid), null, RetryKind.Write, ctx);

        static JObject DesignItem(string designUid) => new() { ["productUid"] = designUid };

        static string DesignPathOf(ProductDescriptor product) =>
            product.DesignPath ?? throw new System.InvalidOperationException($"{product.Name} is not created as a design.");
    }
}
