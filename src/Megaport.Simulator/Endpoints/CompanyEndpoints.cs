using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Megaport.Simulator.Accounts;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Endpoints;

/// <summary>
/// Company administration: users (<c>/v2/employment</c>, <c>/v2/employee/{id}</c>), the activity log (<c>/v3/activity</c>,
/// a bare array), billing markets (<c>/v2/market</c>) and order approvals (<c>/v3/order_approvals</c>, paged in headers).
/// </summary>
public static partial class CompanyEndpoints
{
    private static readonly string[] Positions = ["Company Admin", "Technical Admin", "Technical Contact", "Finance", "Financial Contact", "Read Only"];

    private static readonly ObjectShape NewUserShape = Shape.Fields("firstName", "lastName", "active", "email", "phone", "position");

    private static readonly ObjectShape UserChangeShape = Shape.Fields(
            "notificationEnabled", "position", "companyId", "newsletter", "promotions", "firstName", "lastName", "phone", "channelManager", "active", "email")
        .With("securityRoles", Shape.ListOf(Shape.Value));

    [GeneratedRegex(@"^\+?[1-9][0-9]{1,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    /// <summary>The company a call acts for: the account the key belongs to.</summary>
    public static Company Caller(HttpContext ctx, SimulatorState state) => state.Account;

    public static void MapCompany(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;
        CompanyAccount Account(HttpContext ctx) => AccountStore.Of(sim).Sync(state).For(state, Caller(ctx, state));

        app.MapGet("/v2/employment", (HttpContext ctx) =>
        {
            lock (state.Gate)
            {
                var account = Account(ctx);
                return Api.Ok($"Found [{account.Users.Count}] users for company [{account.Company.Id}]", w =>
                {
                    w.WriteStartArray();
                    foreach (var u in account.Users) WriteUser(w, account, u, listed: true);
                    w.WriteEndArray();
                });
            }
        });

        // The real API answers 201 with the new ids; the user then waits for them to accept (invitationPending).
        app.MapPost("/v2/employment", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, NewUserShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                var account = Account(ctx);
                try
                {
                    var f = new JsonFields(body!, "", shape: NewUserShape);
                    var email = Email(f, account, null) ?? throw f.Fail("email is required");
                    var user = new SimUser
                    {
                        EmployeeId = account.NextEmployeeId, Uid = Guid.NewGuid().ToString(), EmploymentId = account.NextEmployeeId + 40000,
                        FirstName = Text(f, "firstName") ?? throw f.Fail("firstName is required"),
                        LastName = Text(f, "lastName") ?? throw f.Fail("lastName is required"),
                        Email = email, Phone = Phone(f) ?? "", Position = Position(f) ?? throw f.Fail("position is required"),
                        Active = f.Bool("active") ?? true, InvitationPending = true,
                    };
                    user.SecurityRoles.Add(AccountSeed.Role(user.Position));
                    account.NextEmployeeId++;
                    account.Users.Add(user);
                    account.Log(state.Now, "Invite User", $"Invited {user.Name} as {user.Position}");
                    return Api.Envelope(201, "User created successfully", w =>
                    {
                        w.WriteStartObject();
                        w.WriteNumber("companyId", account.Company.Id);
                        w.WriteNumber("employmentId", user.EmploymentId);
                        w.WriteNumber("employeeId", user.EmployeeId);
                        w.WriteEndObject();
                    });
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });

        app.MapGet("/v2/employee/{employeeId}", (HttpContext ctx, string employeeId) =>
        {
            lock (state.Gate)
            {
                var account = Account(ctx);
                var user = FindUser(account, employeeId, out var notFound);
                return user is null ? notFound! : Api.Ok($"Found user [{user.EmployeeId}]", w => WriteUser(w, account, user, listed: false));
            }
        });

        // Partial: only the fields sent change. A user who has not accepted the invitation can only be deactivated.
        app.MapPut("/v2/employee/{employeeId}", async (HttpContext ctx, string employeeId) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, UserChangeShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                var account = Account(ctx);
                var user = FindUser(account, employeeId, out var notFound);
                if (user is null) return notFound!;
                try
                {
                    var f = new JsonFields(body!, "", shape: UserChangeShape);
                    if (user.InvitationPending && body!.Any(p => p.Key != "active" && p.Value is not null && UserChangeShape.Known.ContainsKey(p.Key)))
                        throw f.Fail($"User {user.EmployeeId} has not accepted the invitation yet (invitation pending); only active can change");
                    if (f.Int("companyId") is int company && company != account.Company.Id)
                        throw f.Fail($"companyId {company} is not the user's company ({account.Company.Id})");
                    var first = Text(f, "firstName");
                    var last = Text(f, "lastName");
                    var email = Email(f, account, user);
                    var phone = Phone(f);
                    var position = Position(f);
                    var roles = f.Arr("securityRoles")?.Select(n => n is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : throw f.Fail("securityRoles must hold text")).ToList();
                    var active = f.Bool("active");
                    var notification = f.Bool("notificationEnabled");
                    var newsletter = f.Bool("newsletter");
                    var promotions = f.Bool("promotions");
                    var channelManager = f.Bool("channelManager");
                    // Everything is checked before anything changes.
                    if (first is not null) user.FirstName = first;
                    if (last is not null) user.LastName = last;
                    if (email is not null) user.Email = email;
                    if (phone is not null) user.Phone = phone;
                    if (position is not null) { user.Position = position; user.SecurityRoles = [AccountSeed.Role(position)]; }
                    if (roles is not null) user.SecurityRoles = roles;
                    if (active is bool a) user.Active = a;
                    if (notification is bool n) user.NotificationEnabled = n;
                    if (newsletter is bool nl) user.Newsletter = nl;
                    if (promotions is bool pr) user.Promotions = pr;
                    if (channelManager is bool cm) user.ChannelManager = cm;
                    account.Log(state.Now, "Update User", active == false && first is null && last is null && email is null && position is null ? $"Deactivated {user.Name}" : $"Updated {user.Name}");
                    return Api.Ok("User updated successfully", w => WriteUser(w, account, user, listed: false));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });

        app.MapDelete("/v2/employee/{employeeId}", (HttpContext ctx, string employeeId) =>
        {
            lock (state.Gate)
            {
                var account = Account(ctx);
                var user = FindUser(account, employeeId, out var notFound);
                if (user is null) return notFound!;
                if (!user.InvitationPending)
                    return Api.BadRequest("Validation failed", $"User {user.EmployeeId} has logged in and cannot be deleted, only deactivated");
                account.Users.Remove(user);
                account.Log(state.Now, "Delete User", $"Withdrew the invitation of {user.Name}");
                return Api.Ok("User deleted successfully", null);
            }
        });

        // Not enveloped: the real API answers a bare array here.
        app.MapGet("/v3/activity", (HttpContext ctx, string? personIdOrUid, string? companyIdOrUid) =>
        {
            lock (state.Gate)
            {
                var account = Account(ctx);
                var company = account.Company;
                var ours = string.IsNullOrEmpty(companyIdOrUid) || companyIdOrUid == company.Id.ToString(CultureInfo.InvariantCulture)
                    || string.Equals(companyIdOrUid, company.Uid, StringComparison.OrdinalIgnoreCase);
                var person = string.IsNullOrEmpty(personIdOrUid) ? null
                    : account.Users.FirstOrDefault(u => u.EmployeeId.ToString(CultureInfo.InvariantCulture) == personIdOrUid
                        || string.Equals(u.Uid, personIdOrUid, StringComparison.OrdinalIgnoreCase));
                var rows = !ours || (personIdOrUid is { Length: > 0 } && person is null) ? []
                    : account.Activity.Where(a => person is null || a.PersonId == person.EmployeeId).ToList();
                return Api.Json(200, w =>
                {
                    w.WriteStartArray();
                    foreach (var a in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("loginName", a.LoginName);
                        w.WriteNumber("personId", a.PersonId);
                        w.WriteString("description", a.Description);
                        w.WriteString("name", a.Name);
                        w.WriteNumber("createDate", a.CreateDate);
                        w.WriteString("userType", a.UserType);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                });
            }
        });

        BillingEndpoints.MapBillingMarkets(app, sim, Account);
        BillingEndpoints.MapOrderApprovals(app, sim, Account);
    }

    private static SimUser? FindUser(CompanyAccount account, string text, out ApiResult? notFound)
    {
        notFound = null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            notFound = Api.BadRequest("Invalid request", $"employee id '{text}' is not a number");
            return null;
        }
        var user = account.Users.FirstOrDefault(u => u.EmployeeId == id);
        if (user is null) notFound = Api.Error(404, "Not Found", $"Employee {id} was not found in company {account.Company.Id}");
        return user;
    }

    private static string? Text(JsonFields f, string key)
    {
        var s = f.Str(key);
        if (s is null) return null;
        if (string.IsNullOrWhiteSpace(s)) throw f.Fail($"{key} cannot be empty");
        if (s.Length > 100 || s.Any(char.IsControl)) throw f.Fail($"{key} must be 1-100 characters without control characters");
        return s.Trim();
    }

    private static string? Email(JsonFields f, CompanyAccount account, SimUser? self)
    {
        var s = f.Str("email");
        if (s is null) return null;
        if (s.Length < 5 || s.Length > 254 || !EmailPattern().IsMatch(s)) throw f.Fail($"email '{s}' is not a valid email address");
        if (account.Users.Any(u => u != self && string.Equals(u.Email, s, StringComparison.OrdinalIgnoreCase)))
            throw f.Fail($"a user with email {s} already exists in this company");
        return s;
    }

    private static string? Phone(JsonFields f)
    {
        var s = f.Str("phone");
        if (string.IsNullOrEmpty(s)) return s;
        if (!E164().IsMatch(s)) throw f.Fail($"phone '{s}' must be in international format (e.g. +61412345678)");
        return s;
    }

    private static string? Position(JsonFields f)
    {
        var s = f.Str("position");
        if (s is null) return null;
        return Positions.FirstOrDefault(p => p == s) ?? throw f.Fail($"position '{s}' is invalid: use one of {string.Join(", ", Positions)}");
    }

    /// <summary>A list row names the user personId/personUid; a single read partyId/uid, as the real API does.</summary>
    private static void WriteUser(Utf8JsonWriter w, CompanyAccount account, SimUser u, bool listed)
    {
        w.WriteStartObject();
        if (listed)
        {
            w.WriteNumber("personId", u.EmployeeId);
            w.WriteString("personUid", u.Uid);
            w.WriteNumber("companyId", account.Company.Id);
            w.WriteString("companyName", account.Company.Name);
            w.WriteNumber("employmentId", u.EmploymentId);
            w.WriteNumber("positionId", Array.IndexOf(Positions, u.Position) + 1);
            w.WriteString("personAltId", "P" + u.EmployeeId);
            w.WriteString("employmentType", "EMPLOYEE");
        }
        else
        {
            w.WriteNumber("partyId", u.EmployeeId);
            w.WriteString("uid", u.Uid);
            w.WriteString("username", u.Email);
            w.WriteString("description", "");
            w.WriteBoolean("requireTotp", false);
            w.WriteStringArray("featureFlags", []);
            w.WriteBoolean("receivesChildNotifications", false);
        }
        w.WriteString("salutation", "");
        w.WriteString("firstName", u.FirstName);
        w.WriteString("lastName", u.LastName);
        w.WriteString("name", u.Name);
        w.WriteString("email", u.Email);
        w.WriteStartArray("emails");
        w.WriteStartObject();
        w.WriteNumber("emailAddressId", u.EmployeeId + 80000);
        w.WriteString("email", u.Email);
        w.WriteBoolean("primary", true);
        w.WriteBoolean("badEmail", false);
        w.WriteNull("badEmailType");
        w.WriteNull("badEmailReason");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("phone", u.Phone);
        w.WriteString("mobile", "");
        w.WriteString("position", u.Position);
        w.WriteBoolean("active", u.Active);
        w.WriteBoolean("invitationPending", u.InvitationPending);
        w.WriteBoolean("confirmationPending", false);
        w.WriteBoolean("mfaEnabled", u.MfaEnabled);
        w.WriteBoolean("notificationEnabled", u.NotificationEnabled);
        w.WriteBoolean("newsletter", u.Newsletter);
        w.WriteBoolean("promotions", u.Promotions);
        w.WriteBoolean("channelManager", u.ChannelManager);
        w.WriteStringArray("securityRoles", u.SecurityRoles);
        w.WriteString("salesforceId", "");
        w.WriteEndObject();
    }
}
