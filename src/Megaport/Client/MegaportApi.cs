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
    
        // ---- ordering -----------------------------------------------------------------------------------------

        /// <summary>POST /v3/networkdesign/validate with the bare array; returns one price line per order line the API priced.</summary>
        public async Task<IReadOnlyList<Quote>> ValidateAsync(IReadOnlyList<OrderItem> items, CallContext ctx)
        {
            var body = new JArray(items.Select(i => i.Body));
            var result = await Client.SendAsync("POST", "/v3/networkdesign/validate", body, RetryKind.Read, ctx).ConfigureAwait(false);
            var lines = (result.Data as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
            return lines.Select((line, i) => ModelReader.Quote(line, i < items.Count ? items[i].Name : items.LastOrDefault()?.Name)).ToList();
        }

        /// <summary>
        /// POST /v4/networkdesign/buy. Sent once: retried only when the API answers 429 or the connection was refused
        /// before anything was sent. Returns the UIDs of the services created.
        /// </summary>
        public async Task<IReadOnlyList<string>> BuyAsync(IReadOnlyList<OrderItem> items, CallContext ctx)
        {
            var body = new JObject { ["networkDesign"] = new JArray(items.Select(i => i.Body)), ["discountCodes"] = new JArray() };
            var result = await Client.SendAsync("POST", "/v4/networkdesign/buy", body, RetryKind.Write, ctx).ConfigureAwait(false);
            var uids = ModelReader.CreatedUids(result.Data);
            if (uids.Count == 0)
                throw new MegaportException(ErrorIds.ApiError, System.Management.Automation.ErrorCategory.InvalidResult,
                    $"POST /v4/networkdesign/buy -> {result.Status} but the answer names no new service (Trace-Id {result.TraceId}).")
                { OutcomeUnknown = true, Method = "POST", Path = "/v4/networkdesign/buy", TraceId = result.TraceId };
            return uids;
        }

        /// <summary>
        /// After a buy whose outcome is unknown: the services of that order, found by name and type among those
        /// created since the order started (allowing for clock skew), or none.
        /// </summary>
        public async Task<IReadOnlyList<Service>> FindOrderedAsync(OrderItem item, DateTime orderStartedUtc, CallContext ctx)
        {
            var found = new List<Service>();
            var since = orderStartedUtc - TimeSpan.FromMinutes(5);
            await StreamServicesAsync(s =>
            {
                if (string.Equals(s.Name, item.Name, StringComparison.Ordinal)
                    && string.Equals(s.ProductType, item.ProductType, StringComparison.OrdinalIgnoreCase)
                    && (s.CreateDate == null || s.CreateDate >= since)
                    && !s.IsInactive)
                    found.Add(s);
            }, ctx).ConfigureAwait(false);
            return found;
        }

        /// <summary>GET /v2/secure/{azure|google|oracle}/{key}: the ports a cloud key can land on.</summary>
        public async Task<IReadOnlyList<CspPort>> LookupCspPortsAsync(string partner, string key, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", $"/v2/secure/{partner}/{Uri.EscapeDataString(key)}", null, RetryKind.Read, ctx).ConfigureAwait(false);
            var data = result.Data as JObject;
            return data.Objects("megaports").Select(m => new CspPort(
                m.Str("productUid") ?? "", m.Str("name") ?? m.Str("productName") ?? "", m.Str("type"), m.Int("portSpeed") ?? 0,
                m.Int("vxc") ?? 0, m.Int("locationId") ?? 0)).Where(p => p.ProductUid.Length > 0).ToList();
        }

        public async Task<IReadOnlyList<IxType>> GetIxTypesAsync(CallContext ctx)
        {
            var list = new List<IxType>();
            await Client.StreamArrayAsync("/v2/ixp", o => list.Add(ModelReader.IxType(o)), ctx).ConfigureAwait(false);
            return list;
        }
    }

    /// <summary>A port a cloud key (Azure service key, Google pairing key, Oracle OCID) can land on.</summary>
    internal sealed class CspPort
    {
        public CspPort(string productUid, string name, string? type, int portSpeed, int vxc, int locationId)
        {
            ProductUid = productUid; Name = name; Type = type; PortSpeed = portSpeed; Vxc = vxc; LocationId = locationId;
        }
        public string ProductUid { get; }
        public string Name { get; }
        /// <summary>primary / secondary (Azure).</summary>
        public string? Type { get; }
        public int PortSpeed { get; }
        /// <summary>Non-zero when the key already has a VXC on this port.</summary>
        public int Vxc { get; }
        public int LocationId { get; }
    }
}
