using System;

namespace Megaport
{
    /// <summary>A user of the company's Megaport account (GET /v2/employment, /v2/employee/{id}).</summary>
    public sealed class User
    {
        /// <summary>The id the user endpoints take (/v2/employee/{id}); the API calls it partyId or personId.</summary>
        public int EmployeeId { get; internal set; }
        public string? Uid { get; internal set; }
        public string FirstName { get; internal set; } = "";
        public string LastName { get; internal set; } = "";
        public string Name => (FirstName + " " + LastName).Trim();
        public string? Email { get; internal set; }
        public string? Phone { get; internal set; }
        public string? Mobile { get; internal set; }
        /// <summary>Company Admin, Technical Admin, Technical Contact, Finance, Financial Contact or Read Only.</summary>
        public string? Position { get; internal set; }
        public bool Active { get; internal set; }
        /// <summary>Invited and not yet signed in: only such a user can be removed (others are deactivated).</summary>
        public bool InvitationPending { get; internal set; }
        public bool ConfirmationPending { get; internal set; }
        public bool MfaEnabled { get; internal set; }
        public bool NotificationEnabled { get; internal set; }
        public bool Newsletter { get; internal set; }
        public bool Promotions { get; internal set; }
        public bool ChannelManager { get; internal set; }
        public string[] SecurityRoles { get; internal set; } = Array.Empty<string>();
        public string? Username { get; internal set; }
        public int? EmploymentId { get; internal set; }
        public int? CompanyId { get; internal set; }
        public string? CompanyName { get; internal set; }

        public override string ToString() => $"{Name} <{Email}> ({EmployeeId})";
    }

    /// <summary>One entry of the account's activity log (GET /v3/activity): a login, a change, an order.</summary>
    public sealed class UserActivity
    {
        public DateTime? Time { get; internal set; }
        /// <summary>The display name of the user who did it.</summary>
        public string? LoginName { get; internal set; }
        public int? PersonId { get; internal set; }
        /// <summary>The kind of activity ("Login", "Update User", ...).</summary>
        public string? Name { get; internal set; }
        public string? Description { get; internal set; }
        /// <summary>USER, or API for an API key.</summary>
        public string? UserType { get; internal set; }

        public override string ToString() => $"{Time:u} {LoginName}: {Name}";
    }

    /// <summary>A billing market of the company (GET /v2/market): the Megaport entity that invoices it, the currency and the billing contact.</summary>
    public sealed class BillingMarket
    {
        public int Id { get; internal set; }
        /// <summary>The market's code (AU, US, UK, ...), as Set-MegaportBillingMarket -Market takes it.</summary>
        public string? Market { get; internal set; }
        /// <summary>The API's id of the market (firstPartyId).</summary>
        public int FirstPartyId { get; internal set; }
        public string? SupplierName { get; internal set; }
        public string? Currency { get; internal set; }
        public string? Language { get; internal set; }
        public string? ContactName { get; internal set; }
        public string? ContactEmail { get; internal set; }
        public string? ContactPhone { get; internal set; }
        public string? Address1 { get; internal set; }
        public string? Address2 { get; internal set; }
        public string? City { get; internal set; }
        public string? State { get; internal set; }
        public string? Postcode { get; internal set; }
        /// <summary>The billing address's country code.</summary>
        public string? Country { get; internal set; }
        public string? Region { get; internal set; }
        public decimal? TaxRate { get; internal set; }
        public decimal? EstimateInvoice { get; internal set; }
        public int? PaymentTermInDays { get; internal set; }
        public bool VatExempt { get; internal set; }
        public bool Active { get; internal set; }

        public override string ToString() => $"{Market} ({SupplierName}, {Currency})";
    }

    /// <summary>A request to approve an order or a change (GET /v3/order_approvals).</summary>
    public sealed class OrderApproval
    {
        public string Uid { get; internal set; } = "";
        public int Id { get; internal set; }
        public string? ReferenceId { get; internal set; }
        /// <summary>PENDING, APPROVED, REJECTED, FAILED, WITHDRAWN or EXPIRED.</summary>
        public string? Status { get; internal set; }
        /// <summary>NEW_ORDER, TERM_CHANGE or SPEED_CHANGE.</summary>
        public string? Type { get; internal set; }
        public bool Active { get; internal set; }
        public string? AccountName { get; internal set; }
        public string? AccountRef { get; internal set; }
        public int? ApproverCompanyId { get; internal set; }
        public int? RequesterCompanyId { get; internal set; }
        /// <summary>The product id of the service the request is about (a service's ProductId).</summary>
        public int? ServiceId { get; internal set; }
        public string? Comment { get; internal set; }
        public DateTime? CreateDate { get; internal set; }
        /// <summary>Who asked (the request detail's user name).</summary>
        public string? RequestedBy { get; internal set; }
        /// <summary>The request as the API describes it (products asked for, origin, ...), as objects.</summary>
        public object? Detail { get; internal set; }

        public bool IsPending => string.Equals(Status, "PENDING", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => $"{ReferenceId ?? Uid} ({Type} {Status})";
    }
}
