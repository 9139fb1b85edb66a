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
    /// <summary>Changing services: updates, cancellation actions, locks, VLAN checks and tags.</summary>
    internal sealed partial class MegaportApi
    {
        /// <summary>PUT the product's update path (from its descriptor) with only the fields to change.</summary>
        public Task<ApiResult> UpdateAsync(Service service, ServiceChange change, CallContext ctx)
        {
            var product = Products.Products.Of(service);
            var path = product.UpdatePath(service.ProductUid)
                ?? throw new MegaportException(ErrorIds.NotSupported, ErrorCategory.NotImplemented,
                    $"'{service.Name}' ({service.ProductUid}) is a {service.ProductType} service: {product.NotChangeableReason}.", service.ProductUid);
            return Client.SendAsync("PUT", path, RequestJson.ToToken(change), RetryKind.Write, ctx);
        }

        /// <summary>POST /v3/product/{uid}/action/{CANCEL|CANCEL_NOW|UN_CANCEL}[?safeDelete=true].</summary>
        public Task<ApiResult> ActionAsync(string productUid, ServiceAction action, bool safeDelete, CallContext ctx) =>
            Client.SendAsync("POST", $"/v3/product/{Escape(productUid)}/action/{ActionName(action)}" + (safeDelete ? "?safeDelete=true" : ""), null, RetryKind.Write, ctx);

        public static string ActionName(ServiceAction action) => action switch
        {
            ServiceAction.Cancel => "CANCEL",
            ServiceAction.CancelNow => "CANCEL_NOW",
            ServiceAction.UnCancel => "UN_CANCEL",
            _ => throw new System.ArgumentOutOfRangeException(nameof(action), action, null),
        };

        /// <summary>POST (lock) or DELETE (unlock) /v2/product/{uid}/lock.</summary>
        public Task<ApiResult> SetLockAsync(string productUid, bool locked, CallContext ctx) =>
            Client.SendAsync(locked ? "POST" : "DELETE", $"/v2/product/{Escape(productUid)}/lock", null, RetryKind.Write, ctx);

        /// <summary>GET /v2/product/port/{uid}/vlan?vlan=N: true when N is among the port's available VLANs.</summary>
        public async Task<bool> IsVlanAvailableAsync(string portUid, int vlan, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", $"/v2/product/port/{Escape(portUid)}/vlan?vlan={vlan}", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return result.Data is JArray available && available.Any(t => t.Type == JTokenType.Integer && (int)t == vlan);
        }

        public async Task<IReadOnlyList<ServiceTag>> GetTagsAsync(string productUid, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", $"/v2/product/{Escape(productUid)}/tags", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return Readers.Tags(productUid, result.Data);
        }

        /// <summary>PUT /v2/product/{uid}/tags: replaces the whole set.</summary>
        public async Task<IReadOnlyList<ServiceTag>> SetTagsAsync(string productUid, IEnumerable<KeyValuePair<string, string>> tags, CallContext ctx)
        {
            var body = RequestJson.ToToken(new TagSet(tags.Select(t => new ResourceTag(t.Key, t.Value)).ToList()));
            var result = await Client.SendAsync("PUT", $"/v2/product/{Escape(productUid)}/tags", body, RetryKind.Write, ctx).ConfigureAwait(false);
            return Readers.Tags(productUid, result.Data);
        }
    }

    /// <summary>The lifecycle actions of POST /v3/product/{uid}/action/….</summary>
    internal enum ServiceAction
    {
        /// <summary>At the end of the term.</summary>
        Cancel,
        /// <summary>At once.</summary>
        CancelNow,
        /// <summary>Takes back an end-of-term cancellation.</summary>
        UnCancel,
    }
}
