using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Endpoints;

/// <summary>
/// A partner's managed companies (<c>/v2/managedCompanies</c>): list, create, rename. There is no delete and no
/// read by id. Only the partner itself may call these: acting for a managed company they answer 403.
/// </summary>
public static class ManagedAccountEndpoints
{
    private static readonly ObjectShape AccountShape = Shape.Fields("accountName", "accountRef");

    public static void MapManagedAccounts(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        app.MapGet("/v2/managedCompanies", () =>
        {
            lock (state.Gate)
            {
                if (NotPartner(state) is { } refused) return refused;
                var list = state.ManagedCompanies.Values.ToList();
                return Api.Ok("Managed Accounts.", w =>
                {
                    w.WriteStartArray();
                    foreach (var m in list) Write(w, m);
                    w.WriteEndArray();
                });
            }
        });

        app.MapPost("/v2/managedCompanies", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, AccountShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                if (NotPartner(state) is { } refused) return refused;
                try
                {
                    var (name, reference) = Read(state, new JsonFields(body!, "", shape: AccountShape), except: null);
                    var company = new Company(NextCompanyId(state), Guid.NewGuid().ToString(), name);
                    var managed = new ManagedCompany(company, reference);
                    state.ManagedCompanies[company.Uid] = managed;
                    state.Changed();
                    return Api.Ok("New managed company has been successfully created.", w => Write(w, managed));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });

        app.MapPut("/v2/managedCompanies/{companyUid}", async (string companyUid, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, AccountShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                if (NotPartner(state) is { } refused) return refused;
                if (!state.ManagedCompanies.TryGetValue(companyUid, out var current))
                    return Api.Error(404, $"Managed company {companyUid} not found", null);
                try
                {
                    var (name, reference) = Read(state, new JsonFields(body!, "", shape: AccountShape), except: current);
                    // The company keeps its id and uid; services already ordered keep the name they were made with.
                    var updated = new ManagedCompany(current.Company with { Name = name }, reference);
                    state.ManagedCompanies[companyUid] = updated;
                    state.Changed();
                    return Api.Ok("Managed company has been successfully updated.", w => Write(w, updated));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });
    }

    private static ApiResult? NotPartner(SimulatorState state) => state.Account.Uid == state.Partner.Uid ? null
        : Api.Error(403, "Forbidden", "Managed accounts belong to the partner: leave out X-Call-Context to list or change them");

    /// <summary>Both fields are required on a create and an update; names are unique among the partner's companies.</summary>
    private static (string Name, string Reference) Read(SimulatorState state, JsonFields f, ManagedCompany? except)
    {
        var name = f.Str("accountName")?.Trim();
        if (string.IsNullOrEmpty(name)) throw f.Fail("accountName is required");
        if (name.Length > 128) throw f.Fail($"accountName must be 1-128 characters (got {name.Length})");
        var reference = f.Str("accountRef")?.Trim();
        if (string.IsNullOrEmpty(reference)) throw f.Fail("accountRef is required");
        if (reference.Length > 128) throw f.Fail($"accountRef must be 1-128 characters (got {reference.Length})");
        if (state.ManagedCompanies.Values.Any(m => !ReferenceEquals(m, except) && m.Company.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            throw f.Fail($"A managed company named '{name}' already exists");
        return (name, reference);
    }

    private static int NextCompanyId(SimulatorState state) =>
        state.ManagedCompanies.Values.Select(m => m.Company.Id).Append(state.Partner.Id).Max() + 1;

    private static void Write(Utf8JsonWriter w, ManagedCompany m)
    {
        w.WriteStartObject();
        w.WriteString("accountRef", m.AccountRef);
        w.WriteString("accountName", m.Company.Name);
        w.WriteString("companyUid", m.Company.Uid);
        w.WriteEndObject();
    }
}
