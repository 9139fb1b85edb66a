using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Products;

/// <summary>
/// <c>/v2/product/mcr2/{uid}/prefixList[s]</c>: create, list, read, replace and delete an MCR's prefix filter lists.
/// A list that a BGP session of a VXC on the MCR still names cannot be deleted.
/// </summary>
public static class McrPrefixLists
{
    public const int MaxEntries = 200;
    public const int MaxDescription = 100;
    /// <summary>Ids are unique across the account and start above this one (the seed's list is 1001).</summary>
    private const int IdBase = 1000;

    // The SDK sends the list's id in both POST and PUT bodies: read and ignored (the path names the list).
    private static readonly ObjectShape BodyShape = Shape.Fields("id", "description", "addressFamily").With("entries", Shape.ListOf(PrefixListRules.EntryShape));

    public static void Map(WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;
        const string root = "/v2/product/mcr2/{uid}";

        app.MapGet(root + "/prefixLists", (string uid) =>
        {
            lock (state.Gate)
            {
                state.Advance();
                if (Mcr(state, uid) is not McrService mcr) return NotAnMcr(state, uid);
                return Api.Ok($"Prefix lists of {mcr.Uid}", w =>
                {
                    w.WriteStartArray();
                    foreach (var l in mcr.PrefixLists) l.Write(w, entries: false);
                    w.WriteEndArray();
                });
            }
        });

        app.MapGet(root + "/prefixList/{id}", (string uid, string id) =>
        {
            lock (state.Gate)
            {
                state.Advance();
                if (Mcr(state, uid) is not McrService mcr) return NotAnMcr(state, uid);
                if (List(mcr, id) is not PrefixList list) return ListNotFound(mcr, id);
                return Api.Ok($"Prefix list {list.Id}", w => list.Write(w, entries: true));
            }
        });

        app.MapPost(root + "/prefixList", async (string uid, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, BodyShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                state.Advance();
                if (Mcr(state, uid) is not McrService mcr) return NotAnMcr(state, uid);
                if (Unchangeable(mcr) is { } refused) return refused;
                try
                {
                    var list = Read(new JsonFields(body!, "", shape: BodyShape), mcr, current: null, NextId(state));
                    mcr.PrefixLists.Add(list);
                    mcr.LastPrefixListId = list.Id;
                    state.Changed();
                    return Api.Ok($"Prefix list [{list.Id}] created", w => list.Write(w, entries: true));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });

        app.MapPut(root + "/prefixList/{id}", async (string uid, string id, HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, BodyShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                state.Advance();
                if (Mcr(state, uid) is not McrService mcr) return NotAnMcr(state, uid);
                if (List(mcr, id) is not PrefixList current) return ListNotFound(mcr, id);
                if (Unchangeable(mcr) is { } refused) return refused;
                try
                {
                    var list = Read(new JsonFields(body!, "", shape: BodyShape), mcr, current, current.Id);
                    mcr.PrefixLists[mcr.PrefixLists.IndexOf(current)] = list;
                    state.Changed();
                    return Api.Ok($"Prefix list [{list.Id}] updated", w => list.Write(w, entries: true));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });

        app.MapDelete(root + "/prefixList/{id}", (string uid, string id) =>
        {
            lock (state.Gate)
            {
                state.Advance();
                if (Mcr(state, uid) is not McrService mcr) return NotAnMcr(state, uid);
                if (List(mcr, id) is not PrefixList list) return ListNotFound(mcr, id);
                if (Unchangeable(mcr) is { } refused) return refused;
                if (PrefixListRules.InUse(state, mcr, list) is { } users)
                    return Api.BadRequest($"Prefix list {list.Id} ({list.Description}) is in use and cannot be deleted", users);
                mcr.PrefixLists.Remove(list);
                state.Changed();
                return Api.Ok($"Prefix list [{list.Id}] deleted", w => list.Write(w, entries: false));
            }
        });
    }

    private static McrService? Mcr(SimulatorState state, string uid) => state.Services.GetValueOrDefault(uid) as McrService;

    /// <summary>An unknown UID gets the usual not-found 400; another kind of product the real API's "Not supported service type".</summary>
    private static ApiResult NotAnMcr(SimulatorState state, string uid) => state.Services.TryGetValue(uid, out var s)
        ? Api.BadRequest("Not supported service type", $"{s.Descriptor.Word} {uid} has no prefix lists: they belong to MCRs")
        : Api.ServiceNotFound(uid);

    private static PrefixList? List(McrService mcr, string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? mcr.FindPrefixList(n) : null;

    private static ApiResult ListNotFound(McrService mcr, string id) =>
        Api.BadRequest($"Could not find prefix list {id} on MCR {mcr.Uid}", null);

    private static ApiResult? Unchangeable(McrService mcr) => mcr.IsActive ? null
        : Api.BadRequest("Validation failed", $"MCR {mcr.Uid} is {mcr.Status}; its prefix lists cannot change");

    private static int NextId(SimulatorState state) =>
        state.AllTopLevel.OfType<McrService>().Select(m => m.LastPrefixListId).Append(IdBase).Max() + 1;

    /// <summary>A list from a POST or PUT body. A PUT keeps the family (it cannot change) and replaces the rest.</summary>
    private static PrefixList Read(JsonFields f, McrService mcr, PrefixList? current, int id)
    {
        var description = f.Str("description");
        if (string.IsNullOrWhiteSpace(description)) throw f.Fail("description is required (the list's name)");
        if (description.Length > MaxDescription) throw f.Fail($"description must be at most {MaxDescription} characters (got {description.Length})");
        if (mcr.PrefixLists.FirstOrDefault(l => l != current && string.Equals(l.Description, description, StringComparison.OrdinalIgnoreCase)) is { } clash)
            throw f.Fail($"description '{description}' is already used by prefix list {clash.Id} on this MCR");
        var family = PrefixListRules.Family(f, current?.AddressFamily);
        if (current is not null && family != current.AddressFamily)
            throw f.Fail($"addressFamily cannot change: prefix list {current.Id} is {current.AddressFamily}");
        return new PrefixList { Id = id, Description = description, AddressFamily = family, Entries = PrefixListRules.Entries(f, family, PrefixLengthForm.Number, MaxEntries) };
    }
}
