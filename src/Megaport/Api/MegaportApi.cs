using System;
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
    /// The API's endpoints as typed calls: the only place with URLs. Cmdlets never build a request themselves.
    /// This part: the account's services; the other parts (MegaportApi.*.cs) the catalogues, orders, changes and keys.
    /// </summary>
    internal sealed partial class MegaportApi
    {
        public MegaportApi(MegaportClient client) => Client = client;

        public MegaportClient Client { get; }

        static string Escape(string value) => Uri.EscapeDataString(value);

        /// <summary>The keys under which /v2/products nests VXCs and IXs under their parents.</summary>
        static readonly string[] NestedLists = Products.Products.All.Select(p => p.ListedUnder).Where(n => n != null).Select(n => n!).ToArray();

        static IEnumerable<JObject> Nested(JObject product) => NestedLists.SelectMany(product.Objects);

        /// <summary>
        /// Every service on the account, streamed: each top-level product, then the VXCs and IXs nested in it
        /// (a VXC between two of the account's ports is listed under both; it is handed out once).
        /// </summary>
        public Task StreamServicesAsync(Action<Service> onService, CallContext ctx)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return Client.StreamArrayAsync("/v2/products", product =>
            {
                var parent = ServiceReader.Read(product);
                if (seen.Add(parent.ProductUid)) onService(parent);
                foreach (var nested in Nested(product))
                {
                    // Check the UID before reading: a VXC between two of the account's ports is listed twice.
                    if (nested.Str("productUid") is not string uid || !seen.Add(uid)) continue;
                    var child = ServiceReader.Read(nested);
                    Products.Products.Of(child).AttachToParent(child, parent);
                    onService(child);
                }
            }, ctx);
        }

        public async Task<Service> GetServiceAsync(string productUid, CallContext ctx) =>
            ServiceReader.Read(await GetProductAsync(productUid, ctx).ConfigureAwait(false));

        /// <summary>A service and the active VXCs and IXs attached to it (what a removal takes with it).</summary>
        public async Task<(Service Service, IReadOnlyList<Service> Attached)> GetServiceWithAttachedAsync(string productUid, CallContext ctx)
        {
            var data = await GetProductAsync(productUid, ctx).ConfigureAwait(false);
            var attached = Nested(data).Select(ServiceReader.Read).Where(s => !s.IsInactive).ToList();
            return (ServiceReader.Read(data), attached);
        }

        /// <summary>GET /v2/product/{uid}: the product's JSON; an unknown UID is MegaportServiceNotFound naming it.</summary>
        async Task<JObject> GetProductAsync(string productUid, CallContext ctx)
        {
            try
            {
                var result = await Client.SendAsync("GET", "/v2/product/" + Escape(productUid), null, RetryKind.Read, ctx).ConfigureAwait(false);
                return result.Data as JObject
                    ?? throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                        $"GET /v2/product/{productUid} returned no product (Trace-Id {result.TraceId}).", productUid);
            }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                ex.Target = productUid;
                ex.RecommendedAction = "Check the UID; Get-MegaportService lists the services on the account.";
                throw;
            }
        }
    }
}
