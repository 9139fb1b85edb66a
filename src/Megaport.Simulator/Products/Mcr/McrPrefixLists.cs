using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Products;

public sealed class McrPrefixListEntry
{
    /// <summary>permit or deny.</summary>
    public required string Action { get; set; }
    public required string Prefix { get; set; }
    public int? Ge { get; set; }
    public int? Le { get; set; }
}

/// <summary>A prefix filter list of an MCR; BGP sessions name it by <see cref="Id"/> in their import/export lists.</summary>
public sealed class McrPrefixList
{
    public required int Id { get; set; }
    public required string Description { get; set; }
    /// <summary>IPv4 or IPv6.</summary>
    public required string AddressFamily { get; set; }
    public List<McrPrefixListEntry> Entries { get; set; } = new();

    /// <summary>The API's shape: ge/le are strings (absent when not set), and the listing leaves the entries out.</summary>
    public void Write(Utf8JsonWriter w, bool entries)
    {
        w.WriteStartObject();
        w.WriteNumber("id", Id);
        w.WriteString("description", Description);
        w.WriteString("addressFamily", AddressFamily);
        if (entries)
        {
            w.WriteStartArray("entries");
            foreach (var e in Entries)
            {
                w.WriteStartObject();
                w.WriteString("action", e.Action);
                w.WriteString("prefix", e.Prefix);
                if (e.Ge is int ge) w.WriteString("ge", ge.ToString(CultureInfo.InvariantCulture));
                if (e.Le is int le) w.WriteString("le", le.ToString(CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}

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
    private static readonly ObjectShape EntryShape = Shape.Fields("action", "prefix", "ge", "le");
    private static readonly ObjectShape BodyShape = Shape.Fields("id", "description", "addressFamily").With("entries", Shape.ListOf(EntryShape));

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
                if (List(mcr, id) is not McrPrefixList list) return ListNotFound(mcr, id);
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
                if (List(mcr, id) is not McrPrefixList current) return ListNotFound(mcr, id);
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
                if (List(mcr, id) is not McrPrefixList list) return ListNotFound(mcr, id);
                if (Unchangeable(mcr) is { } refused) return refused;
                var users = VxcVRouterRules.SessionsUsing(state, mcr, list.Id).ToList();
                if (users.Count > 0)
                    return Api.BadRequest($"Prefix list {list.Id} ({list.Description}) is in use and cannot be deleted",
                        "Used by " + string.Join("; ", users.Select(u => $"the BGP session to {u.PeerIp} ({u.Field}) on VXC {u.Vxc.Name} ({u.Vxc.Uid})")) +
                        ". Remove it from those sessions first.");
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

    private static McrPrefixList? List(McrService mcr, string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? mcr.FindPrefixList(n) : null;

    private static ApiResult ListNotFound(McrService mcr, string id) =>
        Api.BadRequest($"Could not find prefix list {id} on MCR {mcr.Uid}", null);

    private static ApiResult? Unchangeable(McrService mcr) => mcr.IsActive ? null
        : Api.BadRequest("Validation failed", $"MCR {mcr.Uid} is {mcr.Status}; its prefix lists cannot change");

    private static int NextId(SimulatorState state) =>
        state.AllTopLevel.OfType<McrService>().Select(m => m.LastPrefixListId).Append(IdBase).Max() + 1;

    /// <summary>A list from a POST or PUT body. A PUT keeps the family (it cannot change) and replaces the rest.</summary>
    private static McrPrefixList Read(JsonFields f, McrService mcr, McrPrefixList? current, int id)
    {
        var description = f.Str("description");
        if (string.IsNullOrWhiteSpace(description)) throw f.Fail("description is required (the list's name)");
        if (description.Length > MaxDescription) throw f.Fail($"description must be at most {MaxDescription} characters (got {description.Length})");
        if (mcr.PrefixLists.FirstOrDefault(l => l != current && string.Equals(l.Description, description, StringComparison.OrdinalIgnoreCase)) is { } clash)
            throw f.Fail($"description '{description}' is already used by prefix list {clash.Id} on this MCR");

        var familyText = f.Str("addressFamily");
        string family;
        if (familyText is null)
            family = current?.AddressFamily ?? throw f.Fail("addressFamily is required (IPv4 or IPv6)");
        else
            family = familyText.ToUpperInvariant() switch
            {
                "IPV4" => IpText.V4,
                "IPV6" => IpText.V6,
                _ => throw f.Fail($"addressFamily '{familyText}' is invalid: use IPv4 or IPv6"),
            };
        if (current is not null && family != current.AddressFamily)
            throw f.Fail($"addressFamily cannot change: prefix list {current.Id} is {current.AddressFamily}");

        var entries = f.Arr("entries");
        if (entries is not { Count: > 0 }) throw f.Fail("entries must hold at least one {action, prefix} entry");
        if (entries.Count > MaxEntries) throw f.Fail($"entries holds {entries.Count} entries; a prefix list has at most {MaxEntries}");
        var list = new McrPrefixList { Id = id, Description = description, AddressFamily = family };
        for (var n = 0; n < entries.Count; n++)
        {
            var at = $"entries[{n}]";
            if (entries[n] is not JsonObject o) throw f.Fail($"{at} must be an object");
            list.Entries.Add(Entry(new JsonFields(o, f.Label, at + ".", EntryShape), at, family));
        }
        return list;
    }

    private static McrPrefixListEntry Entry(JsonFields e, string at, string family)
    {
        var action = e.Str("action");
        if (action?.ToLowerInvariant() is not ("permit" or "deny")) throw e.Fail($"{at}.action '{action}' is invalid: use permit or deny");
        var prefix = e.Str("prefix");
        if (!IpText.TryCidr(prefix, out var ip, out var length)) throw e.Fail($"{at}.prefix '{prefix}' is not a CIDR prefix such as 10.0.0.0/8");
        if (IpText.Family(ip) != family) throw e.Fail($"{at}.prefix {prefix} is {IpText.Family(ip)}, but the list is {family}");
        var max = IpText.MaxLength(ip);
        var ge = e.Int("ge");
        var le = e.Int("le");
        if (ge is int g && (g < length || g > max)) throw e.Fail($"{at}.ge {g} must be between the prefix length {length} and {max}");
        if (le is int l && (l < (ge ?? length) || l > max))
            throw e.Fail($"{at}.le {l} must be between {(ge is null ? $"the prefix length {length}" : $"ge {ge}")} and {max}");
        return new McrPrefixListEntry { Action = action!.ToLowerInvariant(), Prefix = prefix!, Ge = ge, Le = le };
    }
}
