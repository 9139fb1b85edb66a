using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Products;

/// <summary>
/// How an owner's API takes <c>ge</c> and <c>le</c> in a request: MCRs as numbers, NAT gateways as text. Each also
/// takes the other form (the API's JSON binder coerces scalars), and both answer with text.
/// </summary>
public enum PrefixLengthForm { Number, Text }

public sealed class PrefixListEntry
{
    /// <summary>permit or deny.</summary>
    public string Action { get; set; } = "permit";
    public string Prefix { get; set; } = "";
    public int? Ge { get; set; }
    public int? Le { get; set; }
}

/// <summary>
/// A prefix list of an MCR or a NAT gateway (<see cref="IVirtualRouter.FindPrefixList"/>); the BGP sessions of the
/// VXCs on its owner name it by <see cref="Id"/> in their import and export filters.
/// </summary>
public sealed class PrefixList
{
    public int Id { get; set; }
    public string Description { get; set; } = "";
    /// <summary>IPv4 or IPv6.</summary>
    public string AddressFamily { get; set; } = IpText.V4;
    public List<PrefixListEntry> Entries { get; set; } = new();

    /// <summary>The API's shape, for either owner: ge/le as text (absent when not set); summaries leave the entries out.</summary>
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

/// <summary>The rules every owner's prefix lists share: the family, the entries, and that a list in use stays.</summary>
public static class PrefixListRules
{
    public static readonly ObjectShape EntryShape = Shape.Fields("action", "prefix", "ge", "le");

    /// <summary><c>addressFamily</c>, stored as IPv4/IPv6; when left out, <paramref name="current"/> (a PUT keeps it) or refused.</summary>
    public static string Family(JsonFields f, string? current)
    {
        var text = f.Str("addressFamily");
        if (string.IsNullOrEmpty(text)) return current ?? throw f.Fail("addressFamily is required (IPv4 or IPv6)");
        return text.ToUpperInvariant() switch
        {
            "IPV4" => IpText.V4,
            "IPV6" => IpText.V6,
            _ => throw f.Fail($"addressFamily '{text}' is invalid (IPv4 or IPv6)"),
        };
    }

    /// <summary>The body's entries, each of the list's <paramref name="family"/>, with prefix length ≤ ge ≤ le ≤ 32/128.</summary>
    public static List<PrefixListEntry> Entries(JsonFields f, string family, PrefixLengthForm form, int? maxEntries = null)
    {
        var entries = f.Arr("entries");
        if (entries is not { Count: > 0 }) throw f.Fail("entries must hold at least one {action, prefix} entry");
        if (entries.Count > maxEntries) throw f.Fail($"entries holds {entries.Count} entries; a prefix list has at most {maxEntries}");
        var list = new List<PrefixListEntry>();
        for (var n = 0; n < entries.Count; n++)
        {
            if (entries[n] is not JsonObject o) throw f.Fail($"entries[{n}] must be an object");
            list.Add(Entry(new JsonFields(o, f.Label, $"entries[{n}].", EntryShape), family, form));
        }
        return list;
    }

    private static PrefixListEntry Entry(JsonFields e, string family, PrefixLengthForm form)
    {
        var action = e.Str("action");
        if (action?.ToLowerInvariant() is not ("permit" or "deny")) throw e.Fail($"{e.Path("action")} '{action}' is invalid: use permit or deny");
        var prefix = e.Str("prefix");
        if (!IpText.TryCidr(prefix, out var ip, out var length)) throw e.Fail($"{e.Path("prefix")} '{prefix}' is not a CIDR prefix such as 10.0.0.0/8");
        if (IpText.Family(ip) != family) throw e.Fail($"{e.Path("prefix")} {prefix} is {IpText.Family(ip)}, but the list is {family}");
        var max = IpText.MaxLength(ip);
        var ge = Length(e, "ge", form);
        var le = Length(e, "le", form);
        if (ge is int g && (g < length || g > max)) throw e.Fail($"{e.Path("ge")} {g} must be between the prefix length {length} and {max}");
        if (le is int l && (l < (ge ?? length) || l > max))
            throw e.Fail($"{e.Path("le")} {l} must be between {(ge is null ? $"the prefix length {length}" : $"ge {ge}")} and {max}");
        return new PrefixListEntry { Action = action!.ToLowerInvariant(), Prefix = prefix!, Ge = ge, Le = le };
    }

    /// <summary>ge or le in the owner's form: a number (text holding one is coerced) or text (a number is coerced); empty text is none.</summary>
    private static int? Length(JsonFields e, string key, PrefixLengthForm form)
    {
        if (form == PrefixLengthForm.Number) return e.Int(key);
        var node = e.Object[key];
        if (node is null) return null;
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
        if (text.Length == 0) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw e.Fail($"{e.Path(key)} '{text}' is not a prefix length (a whole number, as text)");
    }

    /// <summary>
    /// Why a list cannot be deleted: BGP sessions of VXCs on its owner that are not decommissioned still name it; null
    /// when none does.
    /// </summary>
    public static string? InUse(SimulatorState state, IVirtualRouter owner, PrefixList list)
    {
        var users = VxcVRouterRules.SessionsUsing(state, owner, list.Id).ToList();
        return users.Count == 0 ? null
            : "Used by " + string.Join("; ", users.Select(u => $"the BGP session to {u.PeerIp} ({u.Field}) on VXC {u.Vxc.Name} ({u.Vxc.Uid})")) +
              ". Remove it from those sessions first.";
    }
}
