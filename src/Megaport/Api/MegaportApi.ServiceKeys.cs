using System;
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
    /// <summary>Service keys (/v2/service/key).</summary>
    internal sealed partial class MegaportApi
    {
        public async Task<ServiceKey> CreateServiceKeyAsync(ServiceKeyRequest request, CallContext ctx)
        {
            var result = await Client.SendAsync("POST", "/v2/service/key", RequestJson.ToToken(request), RetryKind.Write, ctx).ConfigureAwait(false);
            return KeyOf(result);
        }

        public async Task<ServiceKey> UpdateServiceKeyAsync(ServiceKeyRequest request, CallContext ctx)
        {
            var result = await Client.SendAsync("PUT", "/v2/service/key", RequestJson.ToToken(request), RetryKind.Write, ctx).ConfigureAwait(false);
            return KeyOf(result);
        }

        /// <summary>GET /v2/service/key[?productIdOrUid=|?key=].</summary>
        public async Task<IReadOnlyList<ServiceKey>> GetServiceKeysAsync(string? productUid, string? key, CallContext ctx)
        {
            var query = key != null ? "?key=" + Escape(key) : productUid != null ? "?productIdOrUid=" + Escape(productUid) : "";
            ApiResult result;
            try
            {
                result = await Client.SendAsync("GET", "/v2/service/key" + query, null, RetryKind.Read, ctx).ConfigureAwait(false);
            }
            catch (MegaportException ex) when (ex.StatusCode == 400 && ((ex.ApiMessage ?? "") + " " + (ex.ApiData ?? "")).IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // The API answers an unknown key (or port) with a 400 "... not found": that is ObjectNotFound for the user.
                throw new MegaportException(ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound, ex.Message, (object?)key ?? productUid, ex)
                { Method = ex.Method, Path = ex.Path, StatusCode = ex.StatusCode, ApiMessage = ex.ApiMessage, ApiData = ex.ApiData, TraceId = ex.TraceId };
            }
            return result.Data switch
            {
                JArray a => a.OfType<JObject>().Select(Readers.ServiceKey).ToList(),
                JObject o => new[] { Readers.ServiceKey(o) },
                _ => Array.Empty<ServiceKey>(),
            };
        }

        static ServiceKey KeyOf(ApiResult result) =>
            result.Data is JObject o ? Readers.ServiceKey(o)
                : throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"The service key call returned no key (Trace-Id {result.TraceId}).");
    }
}
