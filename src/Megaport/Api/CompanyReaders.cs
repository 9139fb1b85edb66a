using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Megaport.Api.Requests;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>Reads the company administration answers: users, activity, billing markets, order approvals and their pages.</summary>
    internal static class CompanyReaders
    {
        /// <summary>
        /// A user. The list names the id personId and the UID personUid; a single read says partyId and uid. Either is
        /// the id /v2/employee/{id} takes.
        /// </summary>
        public static User User(JObject o) => new()
        {
            EmployeeId = o.Int("partyId") ?? o.Int("personId") ?? o.Int("employeeId") ?? 0,
            Uid = o.Str("uid") ?? o.Str("personUid"),
            FirstName = o.Str("firstName") ?? "",
            LastName = o.Str("lastName") ?? "",
            Email = o.Str("email"),
            Phone = o.Str("phone"),
            Mobile = o.Str("mobile"),
            Position = o.Str("position"),
            Active = o.Bool("active"),
            InvitationPending = o.Bool("invitationPending"),
            ConfirmationPending = o.Bool("confirmationPending"),
            MfaEnabled = o.Bool("mfaEnabled"),
            NotificationEnabled = o.Bool("notificationEnabled"),
            Newsletter = o.Bool("newsletter"),
            Promotions = o.Bool("promotions"),
            ChannelManager = o.Bool("channelManager"),
            SecurityRoles = Strings(o.Get("securityRoles")),
            Username = o.Str("username"),
            EmploymentId = o.Int("employmentId"),
            CompanyId = o.Int("companyId"),
            CompanyName = o.Str("companyName"),
        };

        /// <summary>The id of a new user: {companyId, employmentId, employeeId}.</summary>
        public static int? NewUserId(JToken? data) => (data as JObject).Int("employeeId");

        public static UserActivity Activity(JObject o) => new()
        {
            Time = o.Date("createDate"),
            LoginName = o.Str("loginName"),
            PersonId = o.Int("personId"),
            Name = o.Str("name"),
            Description = o.Str("description"),
            UserType = o.Str("userType"),
        };

        /// <summary>A billing market; its code comes from its firstPartyId (the API does not send one).</summary>
        public static BillingMarket Market(JObject o)
        {
            var firstParty = o.Int("firstPartyId") ?? 0;
            return new BillingMarket
            {
                Id = o.Int("id") ?? 0,
                FirstPartyId = firstParty,
                Market = BillingMarketRequest.FirstPartyIds.Where(p => p.Value == firstParty).Select(p => p.Key).FirstOrDefault() ?? o.Str("region"),
                SupplierName = o.Str("supplierName"),
                Currency = o.Str("currencyEnum"),
                Language = o.Str("language"),
                ContactName = o.Str("billingContactName"),
                ContactEmail = o.Str("billingContactEmail"),
                ContactPhone = o.Str("billingContactPhone"),
                Address1 = o.Str("address1"),
                Address2 = o.Str("address2"),
                City = o.Str("city"),
                State = o.Str("state"),
                Postcode = o.Str("postcode"),
                Country = o.Str("country"),
                Region = o.Str("region"),
                TaxRate = o.Decimal("taxRate"),
                EstimateInvoice = o.Decimal("estimateInvoice"),
                PaymentTermInDays = o.Int("paymentTermInDays"),
                VatExempt = o.Bool("vatExempt"),
                Active = o.Bool("active"),
            };
        }

        public static OrderApproval Approval(JObject o)
        {
            var detail = o.Get("detail");
            return new OrderApproval
            {
                Uid = o.Str("uid") ?? "",
                Id = o.Int("id") ?? 0,
                ReferenceId = o.Str("referenceId"),
                Status = o.Str("status")?.ToUpperInvariant(),
                Type = o.Str("type")?.ToUpperInvariant(),
                Active = o.Bool("active"),
                AccountName = o.Str("acctName"),
                AccountRef = o.Str("acctRef"),
                ApproverCompanyId = o.Int("approverCompanyId"),
                RequesterCompanyId = o.Int("requesterCompanyId"),
                ServiceId = o.Int("serviceId"),
                Comment = o.Str("comment"),
                CreateDate = o.Date("createDate"),
                RequestedBy = (detail as JObject).Str("userName"),
                Detail = detail == null ? null : PSObjects.From(detail),
            };
        }

        /// <summary>
        /// One page of a list that pages in response headers (Pagination-Page, -Limit, -Total-Count, -Total-Page).
        /// A header that is missing or not a number is unknown, so the caller falls back to counting rows.
        /// </summary>
        public static ApiPage Page(ApiResult result) => new(
            (result.Data as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>(),
            HeaderInt(result, "Pagination-Page"), HeaderInt(result, "Pagination-Limit"),
            HeaderLong(result, "Pagination-Total-Count"), HeaderInt(result, "Pagination-Total-Page"));

        static int? HeaderInt(ApiResult r, string name) =>
            int.TryParse(r.Header(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;

        static long? HeaderLong(ApiResult r, string name) =>
            long.TryParse(r.Header(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;

        internal static string[] Strings(JToken? token) =>
            token is JArray a ? a.Where(t => t.Type != JTokenType.Null).Select(t => t.ToString()).ToArray() : Array.Empty<string>();
    }

    /// <summary>One page: its rows and what the headers said about the whole list.</summary>
    internal sealed class ApiPage
    {
        public ApiPage(IReadOnlyList<JObject> items, int? page, int? limit, long? totalCount, int? totalPages)
        {
            Items = items; Page = page; Limit = limit; TotalCount = totalCount; TotalPages = totalPages;
        }
        public IReadOnlyList<JObject> Items { get; }
        public int? Page { get; }
        public int? Limit { get; }
        public long? TotalCount { get; }
        public int? TotalPages { get; }
    }
}
