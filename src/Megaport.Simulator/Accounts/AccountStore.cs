using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Accounts;

/// <summary>A user of a company (an "employment" in the API's words).</summary>
public sealed class SimUser
{
    public required int EmployeeId { get; init; }
    public required string Uid { get; init; }
    public required int EmploymentId { get; init; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public string Phone { get; set; } = "";
    public required string Position { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Invited and never signed in: the only state in which a user can be deleted.</summary>
    public bool InvitationPending { get; set; }
    public bool NotificationEnabled { get; set; } = true;
    public bool Newsletter { get; set; }
    public bool Promotions { get; set; }
    public bool ChannelManager { get; set; }
    public bool MfaEnabled { get; set; }
    public List<string> SecurityRoles { get; set; } = new();
    public string Name => $"{FirstName} {LastName}";
}

public sealed record SimActivity(long CreateDate, string LoginName, int PersonId, string Name, string Description, string UserType);

/// <summary>A billing market: the Megaport entity (firstPartyId) that invoices the company, and the billing contact.</summary>
public sealed class SimMarket
{
    public required int Id { get; init; }
    public required int FirstPartyId { get; init; }
    public required string Currency { get; set; }
    public required string Language { get; set; }
    public required string ContactName { get; set; }
    public required string ContactEmail { get; set; }
    public required string ContactPhone { get; set; }
    public required string Address1 { get; set; }
    public string? Address2 { get; set; }
    public required string City { get; set; }
    public required string State { get; set; }
    public required string Postcode { get; set; }
    public required string Country { get; set; }
    public string? PurchaseOrder { get; set; }
    public string? TaxNumber { get; set; }
    public decimal EstimateInvoice { get; set; }
}

/// <summary>A request to approve an order or a change.</summary>
public sealed class SimApproval
{
    public required string Uid { get; init; }
    public required int Id { get; init; }
    public required string ReferenceId { get; init; }
    public required string Status { get; set; }
    public required string Type { get; init; }
    public required string AccountName { get; init; }
    public required string AccountRef { get; init; }
    public required int ApproverCompanyId { get; init; }
    public required int RequesterCompanyId { get; init; }
    public required int ServiceId { get; init; }
    public string Comment { get; set; } = "";
    public required long CreateDate { get; init; }
    public required JsonObject Detail { get; init; }
    public bool Active => Status == "PENDING";
}

/// <summary>What one company has beyond its services: users, the activity log, billing markets and approval requests.</summary>
public sealed class CompanyAccount
{
    public required Company Company { get; init; }
    public List<SimUser> Users { get; } = new();
    /// <summary>Newest first, as the API lists it.</summary>
    public List<SimActivity> Activity { get; } = new();
    public List<SimMarket> Markets { get; } = new();
    public List<SimApproval> Approvals { get; } = new();
    public int NextEmployeeId { get; set; } = 9101;

    /// <summary>The user the API key belongs to: whose name changes are logged under.</summary>
    public SimUser? KeyOwner => Users.FirstOrDefault(u => u.Position == "Company Admin" && u.Active && !u.InvitationPending);

    public void Log(long now, string name, string description)
    {
        var owner = KeyOwner;
        Activity.Insert(0, new SimActivity(now, owner?.Name ?? "API", owner?.EmployeeId ?? 0, name, description, "API"));
    }
}

/// <summary>A maintenance window or an outage of the ENS status feeds.</summary>
public sealed class SimEvent
{
    public required string EventId { get; init; }
    public string? OutageId { get; init; }
    public required long StartMs { get; init; }
    public long? EndMs { get; init; }
    public required string Purpose { get; init; }
    public string Impact { get; init; } = "";
    public string EventType { get; init; } = "Planned";
    /// <summary>Set when the window was called off.</summary>
    public string? CancelReason { get; init; }
    public string? RootCause { get; init; }
    public string? Resolution { get; init; }
    public string? MitigationActions { get; init; }
    public List<string> Notices { get; init; } = new();
    /// <summary>Short UIDs: the first eight characters of each affected service's UID.</summary>
    public required List<string> Services { get; init; }

    /// <summary>A window's state follows the clock: Scheduled, then Running, then Completed (or Cancelled).</summary>
    public string MaintenanceState(long now) =>
        CancelReason is not null ? "Cancelled" : now < StartMs ? "Scheduled" : EndMs is long end && now >= end ? "Completed" : "Running";

    /// <summary>An outage is Ongoing until it has an end.</summary>
    public string OutageState(long now) => EndMs is long end && now >= end ? "Resolved" : "Ongoing";
}

/// <summary>
/// The company administration and status-feed state of one simulator, beside the services (which SimulatorState keeps).
/// It belongs to one seed generation: after <c>POST /_simulator/reset</c> the first use seeds it afresh. Every member is
/// used under the state lock. Not kept in the state file: a restart brings back the seed.
/// </summary>
public sealed class AccountStore
{
    private static readonly ConditionalWeakTable<SimulatorContext, AccountStore> Stores = new();
    private readonly Dictionary<string, CompanyAccount> _companies = new(StringComparer.OrdinalIgnoreCase);
    private object? _generation;

    public static AccountStore Of(SimulatorContext sim) => Stores.GetValue(sim, _ => new AccountStore());

    public List<SimEvent> Maintenance { get; } = new();
    public List<SimEvent> Outages { get; } = new();
    public int NextApprovalId { get; set; } = 70001;
    public int NextMarketId { get; set; } = 5990;

    /// <summary>Starts afresh (the seed) when the state was reset since the last use.</summary>
    public AccountStore Sync(SimulatorState state)
    {
        if (ReferenceEquals(_generation, state.AllServices)) return this;
        _generation = state.AllServices;
        _companies.Clear();
        Maintenance.Clear();
        Outages.Clear();
        AccountSeed.Events(state, Maintenance, Outages);
        return this;
    }

    /// <summary>The company's account; the demo account starts seeded, any other company empty.</summary>
    public CompanyAccount For(SimulatorState state, Company company)
    {
        if (_companies.TryGetValue(company.Uid, out var account)) return account;
        account = new CompanyAccount { Company = company };
        if (company.Uid == state.Account.Uid) AccountSeed.Fill(state, account, this);
        _companies[company.Uid] = account;
        return account;
    }
}
