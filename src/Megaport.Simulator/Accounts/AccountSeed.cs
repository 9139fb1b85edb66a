using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Accounts;

/// <summary>
/// The demo account's users, activity, billing market and approval requests, and the status feeds' events (which name
/// the demo account's services). Times are relative to the moment the seed is made (rounded to the hour), so
/// "scheduled" maintenance is always ahead; ids and UIDs are fixed. Listed in the simulator's README.
/// </summary>
public static class AccountSeed
{
    public const int AdminUser = 9001;
    public const int TechnicalAdminUser = 9002;
    public const int FinanceUser = 9003;
    public const int InactiveUser = 9004;
    public const int PendingUser = 9005;

    /// <summary>Approval requests the demo account can decide (it approves its own users' orders).</summary>
    public const string PendingApproval = "0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f01";
    public const string PendingSpeedChange = "0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f02";
    /// <summary>The demo account's own request to its partner (Globex): it can withdraw it, not approve it.</summary>
    public const string OwnRequestToPartner = "0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f03";

    private const long Hour = 3_600_000;
    private const long Day = 24 * Hour;

    public static void Fill(SimulatorState state, CompanyAccount account, AccountStore store)
    {
        var now = state.Now / Hour * Hour;
        SimUser User(int id, string uid, string first, string last, string email, string position, string phone = "") => new()
        {
            EmployeeId = id, Uid = uid, EmploymentId = id + 40000, FirstName = first, LastName = last, Email = email,
            Phone = phone, Position = position, SecurityRoles = [Role(position)],
        };
        var admin = User(AdminUser, SeedIds.DemoUser, "Dana", "Admin", "dana.admin@demo-networks.example", "Company Admin", "+61730885999");
        admin.MfaEnabled = true;
        var tech = User(TechnicalAdminUser, SeedIds.Derive("user/9002"), "Terry", "Tech", "terry.tech@demo-networks.example", "Technical Admin", "+61412345678");
        var finance = User(FinanceUser, SeedIds.Derive("user/9003"), "Fran", "Finance", "fran.finance@demo-networks.example", "Finance");
        finance.NotificationEnabled = false;
        var inactive = User(InactiveUser, SeedIds.Derive("user/9004"), "Riley", "Reader", "riley.reader@demo-networks.example", "Read Only");
        inactive.Active = false;
        var pending = User(PendingUser, SeedIds.Derive("user/9005"), "Pat", "Pending", "pat.pending@demo-networks.example", "Technical Contact");
        pending.InvitationPending = true;
        account.Users.AddRange([admin, tech, finance, inactive, pending]);

        // Newest first.
        account.Activity.AddRange(
        [
            new(now - 2 * Hour, admin.Name, admin.EmployeeId, "Login", "Logged in to the Megaport Portal", "USER"),
            new(now - 5 * Hour, tech.Name, tech.EmployeeId, "Order", "Ordered VXC 'Sydney Primary to Secondary' (1000 Mbps)", "USER"),
            new(now - 6 * Hour, tech.Name, tech.EmployeeId, "Login", "Logged in to the Megaport Portal", "USER"),
            new(now - 1 * Day, admin.Name, admin.EmployeeId, "Invite User", $"Invited {pending.Name} as Technical Contact", "USER"),
            new(now - 2 * Day, finance.Name, finance.EmployeeId, "Login", "Logged in to the Megaport Portal", "USER"),
            new(now - 9 * Day, admin.Name, admin.EmployeeId, "Update User", $"Deactivated {inactive.Name}", "USER"),
            new(now - 30 * Day, admin.Name, admin.EmployeeId, "Login", "Logged in to the Megaport Portal", "USER"),
        ]);

        account.Markets.Add(new SimMarket
        {
            Id = 5982, FirstPartyId = 808, Currency = "AUD", Language = "en", ContactName = finance.Name, ContactEmail = finance.Email,
            ContactPhone = "+61 7 3088 5999", Address1 = "Level 3, 825 Ann Street", City = "Fortitude Valley", State = "QLD",
            Postcode = "4006", Country = "AU", EstimateInvoice = 12345.67m,
        });

        // 23 requests over two months, newest first when listed: enough for three pages of ten.
        int Product(string uid) => state.Services.TryGetValue(uid, out var s) ? s.ProductId : 0;
        var demo = state.Account;
        SimApproval Approval(string uid, int n, string status, string type, int serviceId, long created, bool ownRequestToPartner, string user, params string[] products) => new()
        {
            Uid = uid, Id = 41000 + n, ReferenceId = $"ORD-{52000 + n}-{n % 90 + 10}", Status = status, Type = type,
            AccountName = demo.Name, AccountRef = "DEMO-001",
            ApproverCompanyId = ownRequestToPartner ? SeedIds.Globex.Id : demo.Id, RequesterCompanyId = demo.Id,
            ServiceId = serviceId, CreateDate = created,
            Comment = status == "PENDING" ? "" : status == "APPROVED" ? "Approved" : status == "REJECTED" ? "Not in this quarter's budget" : "",
            Detail = new JsonObject
            {
                ["type"] = type, ["origin"] = "https://portal.megaport.com", ["userName"] = user, ["requesterCompanyId"] = demo.Id,
                ["productRequest"] = new JsonArray(products.Select(p => (JsonNode)new JsonObject { ["name"] = p }).ToArray()),
            },
        };
        var list = new List<SimApproval>
        {
            Approval(PendingApproval, 1, "PENDING", "NEW_ORDER", 0, now - 3 * Hour, false, tech.Email, "syd-edge-3"),
            Approval(PendingSpeedChange, 2, "PENDING", "SPEED_CHANGE", Product(SeedIds.VxcPortToPort), now - 4 * Hour, false, tech.Email, "Sydney Primary to Secondary"),
            Approval(OwnRequestToPartner, 3, "PENDING", "TERM_CHANGE", Product(SeedIds.SydneyPrimary), now - 5 * Hour, true, admin.Email, "Sydney Primary"),
        };
        string[] later = ["APPROVED", "REJECTED", "APPROVED", "WITHDRAWN", "EXPIRED", "APPROVED", "FAILED", "APPROVED", "REJECTED", "APPROVED"];
        string[] types = ["NEW_ORDER", "TERM_CHANGE", "SPEED_CHANGE"];
        string[] services = [SeedIds.SydneyPrimary, SeedIds.SydneySecondary, SeedIds.MelbourneCore, SeedIds.LosAngelesEdge, SeedIds.SydneyMcr];
        for (var i = 0; i < 20; i++)
        {
            var n = 4 + i;
            var type = types[i % 3];
            var target = services[i % services.Length];
            var name = state.Services.TryGetValue(target, out var s) ? s.Name : "service";
            list.Add(Approval(SeedIds.Derive($"approval/{n}"), n, later[i % later.Length], type, type == "NEW_ORDER" ? 0 : Product(target),
                now - (i + 2) * 3 * Day, i % 4 == 3, i % 2 == 0 ? tech.Email : admin.Email, type == "NEW_ORDER" ? $"new-service-{n}" : name));
        }
        account.Approvals.AddRange(list);
        store.NextApprovalId = 41100;
    }

    /// <summary>The security role a position gives (what the API lists in securityRoles).</summary>
    public static string Role(string position) => position switch
    {
        "Company Admin" => "companyAdmin",
        "Technical Admin" => "technicalAdmin",
        "Technical Contact" => "technicalContact",
        "Finance" => "finance",
        "Financial Contact" => "financialContact",
        _ => "readOnly",
    };

    /// <summary>A service as the status feeds name it: the first eight characters of its UID.</summary>
    public static string Short(string uid) => uid.Length >= 8 ? uid[..8].ToLowerInvariant() : uid;

    public static void Events(SimulatorState state, List<SimEvent> maintenance, List<SimEvent> outages)
    {
        var now = state.Now / Hour * Hour;
        maintenance.AddRange(
        [
            new SimEvent
            {
                EventId = "CSS-4101", StartMs = now + 5 * Day + 14 * Hour, EndMs = now + 5 * Day + 16 * Hour, EventType = "Planned",
                Purpose = "Line card replacement at Global Switch Sydney", Impact = "Up to 10 minutes of packet loss on each service",
                Services = [Short(SeedIds.SydneyPrimary), Short(SeedIds.VxcPortToPort), Short(SeedIds.VxcAwsHostedVif), Short(SeedIds.SydneyIx), "f06c80bc"],
            },
            new SimEvent
            {
                EventId = "CSS-4102", StartMs = now + 1 * Day, EndMs = now + 1 * Day + 1 * Hour, EventType = "Emergency",
                Purpose = "Emergency software upgrade of the MCR platform in Sydney", Impact = "BGP sessions will reset once",
                Services = [Short(SeedIds.SydneyMcr), Short(SeedIds.VxcMcrAzure)],
            },
            new SimEvent
            {
                EventId = "CSS-4103", StartMs = now - 1 * Hour, EndMs = now + 2 * Hour, EventType = "Planned",
                Purpose = "Optical amplifier maintenance on the trans-Pacific path", Impact = "Higher latency while traffic takes the backup path",
                Services = [Short(SeedIds.LosAngelesEdge), Short(SeedIds.VxcLongHaul)],
            },
            new SimEvent
            {
                EventId = "CSS-4090", StartMs = now - 10 * Day, EndMs = now - 10 * Day + 2 * Hour, EventType = "Planned",
                Purpose = "Power maintenance at Equinix SY1", Impact = "No impact expected", Services = [Short(SeedIds.SydneySecondary)],
            },
            new SimEvent
            {
                EventId = "CSS-4091", StartMs = now + 12 * Day, EndMs = now + 12 * Day + 3 * Hour, EventType = "Planned",
                Purpose = "Switch firmware upgrade in Melbourne", Impact = "Up to 5 minutes of outage", CancelReason = "The vendor postponed the firmware release",
                Services = [Short(SeedIds.MelbourneCore)],
            },
            new SimEvent
            {
                EventId = "CSS-4104", StartMs = now + 20 * Day, EndMs = now + 20 * Day + 4 * Hour, EventType = "Planned",
                Purpose = "Core router replacement in Frankfurt", Impact = "Up to 30 minutes of outage", Services = ["0746e9a3", "5cd81a02"],
            },
        ]);
        outages.AddRange(
        [
            new SimEvent
            {
                EventId = "CSS-4200", OutageId = "a4c2e8f0-3b1d-4c7e-9f6a-2d8b0e4c6a11", StartMs = now - 45 * 60_000,
                Purpose = "Degraded throughput between Sydney and Melbourne",
                Notices = ["Engineers are investigating packet loss on a Sydney to Melbourne trunk.", "Traffic has been moved to a backup trunk; throughput is recovering."],
                Services = [Short(SeedIds.MelbourneCore), Short(SeedIds.VxcCancelled)],
            },
            new SimEvent
            {
                EventId = "CSS-4150", OutageId = "b6e4a0c2-5d3f-4e9a-8b7c-4f0d2a6e8c22", StartMs = now - 20 * Day, EndMs = now - 20 * Day + 3 * Hour,
                Purpose = "AWS Direct Connect hosted connections down in Sydney",
                RootCause = "A fibre cut between the Megaport and AWS cages", Resolution = "The fibre was spliced and services restored",
                MitigationActions = "A second, diverse fibre path is being built", Notices = ["Services are restored."],
                Services = [Short(SeedIds.VxcAwsHostedConnection), Short(SeedIds.SydneySecondary)],
            },
        ]);
    }
}
