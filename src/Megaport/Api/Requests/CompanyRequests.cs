using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>POST /v2/employment: invites a user.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class NewUserRequest
    {
        [JsonProperty("firstName")] public string FirstName { get; set; } = "";
        [JsonProperty("lastName")] public string LastName { get; set; } = "";
        [JsonProperty("active")] public bool Active { get; set; } = true;
        [JsonProperty("email")] public string Email { get; set; } = "";
        [JsonProperty("phone")] public string? Phone { get; set; }
        [JsonProperty("position")] public string Position { get; set; } = "";
    }

    /// <summary>PUT /v2/employee/{id}: only the members set are sent (a partial update).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class UserChange
    {
        [JsonProperty("firstName")] public string? FirstName { get; set; }
        [JsonProperty("lastName")] public string? LastName { get; set; }
        [JsonProperty("email")] public string? Email { get; set; }
        [JsonProperty("phone")] public string? Phone { get; set; }
        [JsonProperty("position")] public string? Position { get; set; }
        [JsonProperty("active")] public bool? Active { get; set; }
        [JsonProperty("notificationEnabled")] public bool? NotificationEnabled { get; set; }
        [JsonProperty("newsletter")] public bool? Newsletter { get; set; }
        [JsonProperty("promotions")] public bool? Promotions { get; set; }
    }

    /// <summary>POST /v2/market: creates or replaces the company's billing market for one Megaport entity.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class BillingMarketRequest
    {
        [JsonProperty("currencyEnum")] public string Currency { get; set; } = "";
        [JsonProperty("language")] public string Language { get; set; } = "";
        [JsonProperty("billingContactName")] public string ContactName { get; set; } = "";
        [JsonProperty("billingContactPhone")] public string ContactPhone { get; set; } = "";
        [JsonProperty("billingContactEmail")] public string ContactEmail { get; set; } = "";
        [JsonProperty("address1")] public string Address1 { get; set; } = "";
        [JsonProperty("address2")] public string? Address2 { get; set; }
        [JsonProperty("city")] public string City { get; set; } = "";
        [JsonProperty("state")] public string State { get; set; } = "";
        [JsonProperty("postcode")] public string Postcode { get; set; } = "";
        [JsonProperty("country")] public string Country { get; set; } = "";
        [JsonProperty("yourPoNumber")] public string? PurchaseOrder { get; set; }
        [JsonProperty("taxNumber")] public string? TaxNumber { get; set; }
        [JsonProperty("firstPartyId")] public int FirstPartyId { get; set; }

        /// <summary>
        /// The API names a billing market by the id of the Megaport entity that invoices it (its firstPartyId); users
        /// know it by its country code.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, int> FirstPartyIds = new Dictionary<string, int>(System.StringComparer.OrdinalIgnoreCase)
        {
            ["AT"] = 20442, ["AU"] = 808, ["BE"] = 20449, ["BG"] = 4640, ["CA"] = 1652, ["CH"] = 8299, ["DE"] = 4515, ["DK"] = 20447,
            ["ES"] = 30369, ["FI"] = 20440, ["FR"] = 20451, ["HK"] = 819, ["IE"] = 2683, ["IT"] = 30367, ["JP"] = 20453, ["LU"] = 30423,
            ["NL"] = 2685, ["NO"] = 20438, ["NZ"] = 855, ["PL"] = 20444, ["SE"] = 2681, ["SG"] = 817, ["UK"] = 2675, ["US"] = 1558,
        };
    }

    /// <summary>POST /v3/order_approvals/{uid}/{approve|reject|withdraw}.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class ApprovalAction
    {
        [JsonProperty("comments")] public string? Comments { get; set; }
    }
}
