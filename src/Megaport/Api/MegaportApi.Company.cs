using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>Company administration: users, the activity log, billing markets and order approvals.</summary>
    internal sealed partial class MegaportApi
    {
        public async Task<IReadOnlyList<User>> GetUsersAsync(CallContext ctx)
        {
            var result = await Client.SendAsync("GET", "/v2/employment", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return ((result.Data as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>()).Select(CompanyReaders.User).ToList();
        }

        /// <summary>GET /v2/employee/{id}; an unknown id is MegaportServiceNotFound naming the user.</summary>
        public async Task<User> GetUserAsync(int employeeId, CallContext ctx)
        {
            var path = "/v2/employee/" + employeeId.ToString(CultureInfo.InvariantCulture);
            var result = await UserCall("GET", path, null, employeeId, ctx).ConfigureAwait(false);
            return result.Data is JObject o ? CompanyReaders.User(o)
                : throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"GET {path} returned no user (Trace-Id {result.TraceId}).", employeeId);
        }

        /// <summary>POST /v2/employment (the API answers 201 with the new ids); returns the new user's employee id.</summary>
        public async Task<int> CreateUserAsync(NewUserRequest request, CallContext ctx)
        {
            var result = await Client.SendAsync("POST", "/v2/employment", RequestJson.ToToken(request), RetryKind.Write, ctx).ConfigureAwait(false);
            return CompanyReaders.NewUserId(result.Data)
                ?? throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                    $"POST /v2/employment -> {result.Status} but the answer names no new user (Trace-Id {result.TraceId}).")
                { OutcomeUnknown = true, TraceId = result.TraceId };
        }

        public Task<ApiResult> UpdateUserAsync(int employeeId, UserChange change, CallContext ctx) =>
            UserCall("PUT", "/v2/employee/" + employeeId.ToString(CultureInfo.InvariantCulture), RequestJson.ToToken(change), employeeId, ctx);

        public Task<ApiResult> DeleteUserAsync(int employeeId, CallContext ctx) =>
            UserCall("DELETE", "/v2/employee/" + employeeId.ToString(CultureInfo.InvariantCulture), null, employeeId, ctx);

        async Task<ApiResult> UserCall(string method, string path, JToken? body, int employeeId, CallContext ctx)
        {
            try
            {
                return await Client.SendAsync(method, path, body, method == "GET" ? RetryKind.Read : RetryKind.Write, ctx).ConfigureAwait(false);
            }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                ex.Target = employeeId;
                ex.RecommendedAction = "Check the id; Get-MegaportUser lists the company's users and their EmployeeId.";
                throw;
            }
        }

        /// <summary>GET /v3/activity[?personIdOrUid=]: the API answers a bare array, not the envelope.</summary>
        public async Task<IReadOnlyList<UserActivity>> GetActivityAsync(string? personIdOrUid, CallContext ctx)
        {
            var path = "/v3/activity" + (personIdOrUid != null ? "?personIdOrUid=" + Escape(personIdOrUid) : "");
            var result = await Client.SendAsync("GET", path, null, RetryKind.Read, ctx).ConfigureAwait(false);
            // A bare array; should the API ever wrap it, its data is read instead.
            var rows = result.Body as JArray ?? result.Data as JArray;
            return (rows?.OfType<JObject>() ?? Enumerable.Empty<JObject>()).Select(CompanyReaders.Activity).ToList();
        }

        public async Task<IReadOnlyList<BillingMarket>> GetBillingMarketsAsync(CallContext ctx)
        {
            var result = await Client.SendAsync("GET", "/v2/market", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return ((result.Data as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>()).Select(CompanyReaders.Market).ToList();
        }

        /// <summary>POST /v2/market: creates or replaces the market; the answer is {supplyId}.</summary>
        public Task<ApiResult> SetBillingMarketAsync(BillingMarketRequest request, CallContext ctx) =>
            Client.SendAsync("POST", "/v2/market", RequestJson.ToToken(request), RetryKind.Write, ctx);

        /// <summary>
        /// GET /v3/order_approvals page by page (pageNumber from 1, pageSize), handing out rows <paramref name="skip"/>
        /// onwards until <paramref name="first"/> have been handed out or the list ends. The list pages in response
        /// headers; when they are missing the list ends at a short page. A server that pages more coarsely than asked
        /// (its Pagination-Limit) is followed, and a page of rows already seen ends the walk. Returns the total count
        /// the first page announced, which also goes to <paramref name="onTotal"/> before the first row.
        /// </summary>
        public async Task<long?> StreamOrderApprovalsAsync(string? status, IReadOnlyList<int>? serviceIds, ulong skip, ulong first, int pageSize,
            Action<OrderApproval> onItem, CallContext ctx, Action<long?>? onTotal = null, Func<CallContext, Task>? pageConsumed = null)
        {
            var totalGiven = false;
            var size = pageSize;
            var pageNumber = (long)(skip / (ulong)size) + 1;
            var discard = skip % (ulong)size;
            var adjusted = false;
            long? total = null;
            ulong handedOut = 0;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (handedOut < first || (onTotal != null && !totalGiven))
            {
                var query = new List<string>();
                if (status != null) query.Add("status=" + Escape(status));
                if (serviceIds is { Count: > 0 }) query.Add("serviceIds=" + string.Join(",", serviceIds.Select(i => i.ToString(CultureInfo.InvariantCulture))));
                query.Add("pageNumber=" + pageNumber.ToString(CultureInfo.InvariantCulture));
                query.Add("pageSize=" + size.ToString(CultureInfo.InvariantCulture));
                var result = await Client.SendAsync("GET", "/v3/order_approvals?" + string.Join("&", query), null, RetryKind.Read, ctx).ConfigureAwait(false);
                var page = CompanyReaders.Page(result);
                total ??= page.TotalCount;
                if (page.Limit is int limit && limit > 0 && limit != size && !adjusted)
                {
                    // The server pages by its own size: go on (or jump again) by that.
                    adjusted = true;
                    ctx.Verbose?.Invoke($"The API pages order approvals by {limit}, not {size}.");
                    if (skip > 0 && handedOut == 0 && seen.Count == 0)
                    {
                        size = limit;
                        pageNumber = (long)(skip / (ulong)size) + 1;
                        discard = skip % (ulong)size;
                        continue;
                    }
                    size = limit;
                }
                if (!totalGiven) { totalGiven = true; onTotal?.Invoke(total); }
                var fresh = 0;
                foreach (var row in page.Items)
                {
                    if (!seen.Add(row.Str("uid") ?? row.ToString())) continue;
                    fresh++;
                    if (discard > 0) { discard--; continue; }
                    if (handedOut >= first) break;
                    onItem(CompanyReaders.Approval(row));
                    handedOut++;
                }
                if (fresh == 0) break;
                var last = page.TotalPages is int pages ? pageNumber >= pages : page.Items.Count < size;
                if (last) break;
                // The next page only once this one is consumed: a reader that has had enough stops the paging.
                if (pageConsumed != null) await pageConsumed(ctx).ConfigureAwait(false);
                pageNumber++;
            }
            return total;
        }

        /// <summary>POST /v3/order_approvals/{uid}/{approve|reject|withdraw} with the comment; returns the API's message.</summary>
        public async Task<string?> ActOnOrderApprovalAsync(string uid, ApprovalDecision decision, string? comment, CallContext ctx)
        {
            var action = decision switch
            {
                ApprovalDecision.Approve => "approve",
                ApprovalDecision.Reject => "reject",
                ApprovalDecision.Withdraw => "withdraw",
                _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
            };
            var body = RequestJson.ToToken(new ApprovalAction { Comments = comment });
            try
            {
                var result = await Client.SendAsync("POST", $"/v3/order_approvals/{Escape(uid)}/{action}", body, RetryKind.Write, ctx).ConfigureAwait(false);
                return result.Data is JValue { Type: JTokenType.String } text ? (string?)text : result.Message;
            }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                ex.Target = uid;
                ex.RecommendedAction = "Check the UID; Get-MegaportOrderApproval lists the approval requests.";
                throw;
            }
        }
    }

    /// <summary>What can be done with an order approval request.</summary>
    internal enum ApprovalDecision
    {
        Approve,
        Reject,
        /// <summary>Take back one's own request.</summary>
        Withdraw,
    }
}
