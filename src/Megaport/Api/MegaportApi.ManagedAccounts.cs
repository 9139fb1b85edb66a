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
    /// <summary>A partner's managed companies (/v2/managedCompanies): list, create, update. No delete, no read by id.</summary>
    internal sealed partial class MegaportApi
    {
        public async Task<IReadOnlyList<ManagedAccount>> GetManagedAccountsAsync(CallContext ctx)
        {
            var result = await Client.SendAsync("GET", "/v2/managedCompanies", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return result.Data is JArray a ? a.OfType<JObject>().Select(ManagedAccountOf).ToList() : new List<ManagedAccount>();
        }

        public async Task<ManagedAccount> CreateManagedAccountAsync(ManagedAccountRequest request, CallContext ctx)
        {
            var result = await Client.SendAsync("POST", "/v2/managedCompanies", RequestJson.ToToken(request), RetryKind.Write, ctx).ConfigureAwait(false);
            return AccountOf(result);
        }

        public async Task<ManagedAccount> UpdateManagedAccountAsync(string companyUid, ManagedAccountRequest request, CallContext ctx)
        {
            var result = await Client.SendAsync("PUT", "/v2/managedCompanies/" + Escape(companyUid), RequestJson.ToToken(request), RetryKind.Write, ctx).ConfigureAwait(false);
            return AccountOf(result);
        }

        static ManagedAccount AccountOf(ApiResult result) =>
            result.Data is JObject o ? ManagedAccountOf(o)
                : throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"The managed account call returned no account (Trace-Id {result.TraceId}).");

        static ManagedAccount ManagedAccountOf(JObject o) => new()
        {
            CompanyUid = o.Str("companyUid") ?? "",
            Name = o.Str("accountName") ?? "",
            Reference = o.Str("accountRef") ?? "",
        };
    }
}
