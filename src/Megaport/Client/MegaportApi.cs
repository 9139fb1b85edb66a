using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Megaport.Client
{
    /// <summary>The API's endpoints as typed calls. Cmdlets never build a request themselves.</summary>
    internal sealed class MegaportApi
    {
        public MegaportApi(MegaportClient client) => Client = client;

        public MegaportClient Client { get; }

        // ---- browsing -----------------------------------------------------------------------------------------

        public async Task<IReadOnlyList<Location>> GetLocationsAsync(CallContext ctx)
        {
            var list = new List<Location>();
            await Client.StreamArrayAsync("/v3/locations", o => list.Add(ModelReader.Location(o)), ctx).ConfigureAwait(false);
            return list;
        }

        public async Task<IReadOnlyList<PartnerPort>> GetPartnerPortsAsync(CallContext ctx)
        {
            var list = new List<PartnerPort>();
            await Client.StreamArrayAsync("/v2/dropdowns/partner/megaports", o => list.Add(ModelReader.PartnerPort(o)), ctx).ConfigureAwait(false);
            return list;
        }

        /// <summary>
        /// Every service on the account, streamed: each top-level product, then the VXCs and IXs nested in it
        /// (a VXC between two of the account's ports is listed under both; it is handed out once).
        /// </summary>
        public Task StreamServicesAsync(Action<Service> onService, CallContext ctx)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return Client.StreamArrayAsync("/v2/products", product =>
            {
                var parent = ModelReader.Service(product);
                if (seen.Add(parent.ProductUid)) onService(parent);
                foreach (var nested in product.Objects("associatedVxcs").Concat(product.Objects("associatedIxs")))
                {
                    var child = ModelReader.Service(nested);
                    if (child is Ix ix && ix.PortUid == null) ix.PortUid = parent.ProductUid;
                    if (child.ProductUid.Length > 0 && seen.Add(child.ProductUid)) onService(child);
                }
            }, ctx);
        }

        public async Task<Service> GetServiceAsync(string productUid, CallContext ctx)
        {
            try
            {
                var result = await Client.SendAsync("GET", "/v2/product/" + Uri.EscapeDataString(productUid), null, RetryKind.Read, ctx).ConfigureAwait(false);
                if (result.Data is not JObject data)
                    throw new MegaportException(ErrorIds.ApiError, System.Management.Automation.ErrorCategory.InvalidResult,
                        $"GET /v2/product/{productUid} returned no product (Trace-Id {result.TraceId}).", productUid);
                return ModelReader.Service(data);
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
