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
                    // Check the UID before mapping: a VXC between two of the account's ports is listed twice.
                    if (nested.Str("productUid") is not string uid || !seen.Add(uid)) continue;
                    var child = ModelReader.Service(nested);
                    if (child is Ix ix && ix.PortUid == null) ix.PortUid = parent.ProductUid;
                    onService(child);
                }
            }, ctx);
        }

        public async Task<Service> GetServiceAsync(string productUid, CallContext ctx) =>
            ModelReader.Service(await GetProductAsync(productUid, ctx).ConfigureAwait(false));

        /// <summary>GET /v2/product/{uid}: the product's JSON; an unknown UID is MegaportServiceNotFound naming it.</summary>
        async Task<JObject> GetProductAsync(string productUid, CallContext ctx)
        {
            try
            {
                var result = await Client.SendAsync("GET", "/v2/product/" + Uri.EscapeDataString(productUid), null, RetryKind.Read, ctx).ConfigureAwait(false);
                return result.Data as JObject
                    ?? throw new MegaportException(ErrorIds.ApiError, System.Management.Automation.ErrorCategory.InvalidResult,
                        $"GET /v2/product/{productUid} returned no product (Trace-Id {result.TraceId}).", productUid);
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
            // ---- changing services ----------------------------------------------------------------------------------

        /// <summary>A service and the active VXCs and IXs attached to it (what a removal takes with it).</summary>
        public async Task<(Service Service, IReadOnlyList<Service> Attached)> GetServiceWithAttachedAsync(string productUid, CallContext ctx)
        {
            var data = await GetProductAsync(productUid, ctx).ConfigureAwait(false);
            var attached = data.Objects("associatedVxcs").Concat(data.Objects("associatedIxs")).Select(ModelReader.Service).Where(s => !s.IsInactive).ToList();
            return (ModelReader.Service(data), attached);
        }

        /// <summary>PUT /v2/product/{megaport|mcr2|mve|ix}/{uid} or /v3/product/vxc/{uid} with only the fields to change.</summary>
        public Task<ApiResult> UpdateAsync(Service service, JObject changes, CallContext ctx)
        {
            var path = service switch
            {
                Vxc => "/v3/product/vxc/",
                Ix => "/v2/product/ix/",
                Mcr => "/v2/product/mcr2/",
                Mve => "/v2/product/mve/",
                _ => "/v2/product/megaport/",
            };
            return Client.SendAsync("PUT", path + Uri.EscapeDataString(service.ProductUid), changes, RetryKind.Write, ctx);
        }

        /// <summary>POST /v3/product/{uid}/action/{CANCEL|CANCEL_NOW|UN_CANCEL}[?safeDelete=true].</summary>
        public Task<ApiResult> ActionAsync(string productUid, string action, bool safeDelete, CallContext ctx) =>
            Client.SendAsync("POST", $"/v3/product/{Uri.EscapeDataString(productUid)}/action/{action}" + (safeDelete ? "?safeDelete=true" : ""), null, RetryKind.Write, ctx);

        /// <summary>POST (lock) or DELETE (unlock) /v2/product/{uid}/lock.</summary>
        public Task<ApiResult> SetLockAsync(string productUid, bool locked, CallContext ctx) =>
            Client.SendAsync(locked ? "POST" : "DELETE", $"/v2/product/{Uri.EscapeDataString(productUid)}/lock", null, RetryKind.Write, ctx);

        /// <summary>GET /v2/product/port/{uid}/vlan?vlan=N: true when N is among the port's available VLANs.</summary>
        public async Task<bool> IsVlanAvailableAsync(string portUid, int vlan, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", $"/v2/product/port/{Uri.EscapeDataString(portUid)}/vlan?vlan={vlan}", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return result.Data is JArray available && available.Any(t => t.Type == JTokenType.Integer && (int)t == vlan);
        }

        public async Task<IReadOnlyList<ServiceTag>> GetTagsAsync(string productUid, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", $"/v2/product/{Uri.EscapeDataString(productUid)}/tags", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return TagsOf(productUid, result.Data);
        }

        /// <summary>PUT /v2/product/{uid}/tags: replaces the whole set.</summary>
        public async Task<IReadOnlyList<ServiceTag>> SetTagsAsync(string productUid, IEnumerable<KeyValuePair<string, string>> tags, CallContext ctx)
        {
            var body = new JObject { ["resourceTags"] = new JArray(tags.Select(t => new JObject { ["key"] = t.Key, ["value"] = t.Value })) };
            var result = await Client.SendAsync("PUT", $"/v2/product/{Uri.EscapeDataString(productUid)}/tags", body, RetryKind.Write, ctx).ConfigureAwait(false);
            return TagsOf(productUid, result.Data);
        }

        static IReadOnlyList<ServiceTag> TagsOf(string productUid, JToken? data) =>
            (data as JObject).Objects("resourceTags").Select(t => new ServiceTag { ProductUid = productUid, Key = t.Str("key") ?? "", Value = t.Str("value") ?? "" }).ToList();

        // ---- catalogues -------------------------------------------------------------------------------------------

        public async Task<IReadOnlyList<MveImage>> GetMveImagesAsync(CallContext ctx)
        {
            var result = await Client.SendAsync("GET", "/v4/product/mve/images", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return ModelReader.MveImages(result.Data).ToList();
        }

        public async Task<IReadOnlyList<MveSize>> GetMveSizesAsync(CallContext ctx)
        {
            var list = new List<MveSize>();
            await Client.StreamArrayAsync("/v3/product/mve/variants", o => list.Add(ModelReader.MveSize(o)), ctx).ConfigureAwait(false);
            return list;
        }

        // ---- service keys -------------------------------------------------------------------------------------------

        public async Task<ServiceKey> CreateServiceKeyAsync(JObject body, CallContext ctx)
        {
            var result = await Client.SendAsync("POST", "/v2/service/key", body, RetryKind.Write, ctx).ConfigureAwait(false);
            return KeyOf(result);
        }

        public async Task<ServiceKey> UpdateServiceKeyAsync(JObject body, CallContext ctx)
        {
            var result = await Client.SendAsync("PUT", "/v2/service/key", body, RetryKind.Write, ctx).ConfigureAwait(false);
            return KeyOf(result);
        }

        /// <summary>GET /v2/service/key[?productIdOrUid=|?key=].</summary>
        public async Task<IReadOnlyList<ServiceKey>> GetServiceKeysAsync(string? productUid, string? key, CallContext ctx)
        {
            var query = key != null ? "?key=" + Uri.EscapeDataString(key) : productUid != null ? "?productIdOrUid=" + Uri.EscapeDataString(productUid) : "";
            ApiResult result;
            try
            {
                result = await Client.SendAsync("GET", "/v2/service/key" + query, null, RetryKind.Read, ctx).ConfigureAwait(false);
            }
            catch (MegaportException ex) when (ex.StatusCode == 400 && ((ex.ApiMessage ?? "") + " " + (ex.ApiData ?? "")).IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // The API answers an unknown key (or port) with a 400 "... not found": that is ObjectNotFound for the user.
                throw new MegaportException(ErrorIds.ServiceNotFound, System.Management.Automation.ErrorCategory.ObjectNotFound, ex.Message, (object?)key ?? productUid, ex)
                { Method = ex.Method, Path = ex.Path, StatusCode = ex.StatusCode, ApiMessage = ex.ApiMessage, ApiData = ex.ApiData, TraceId = ex.TraceId };
            }
            return result.Data switch
            {
                JArray a => a.OfType<JObject>().Select(ModelReader.ServiceKey).ToList(),
                JObject o => new[] { ModelReader.ServiceKey(o) },
                _ => Array.Empty<ServiceKey>(),
            };
        }

        static ServiceKey KeyOf(ApiResult result) =>
            result.Data is JObject o ? ModelReader.ServiceKey(o)
                : throw new MegaportException(ErrorIds.ApiError, System.Management.Automation.ErrorCategory.InvalidResult, $"The service key call returned no key (Trace-Id {result.TraceId}).");
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
