using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using Megaport.Api.Requests;
using Megaport.Errors;

namespace Megaport.Ordering
{
    /// <summary>The local rules of a prefix filter list: the family of every prefix, valid CIDRs, and length ≤ ge ≤ le ≤ 32/128.</summary>
    internal static class PrefixListRules
    {
        static readonly string[] EntryKeys = { "Action", "Prefix", "Ge", "Le" };

        public static string Family(string? family) => family?.ToUpperInvariant() switch
        {
            "IPV4" => "IPv4",
            "IPV6" => "IPv6",
            _ => throw MegaportException.InvalidArgument($"-AddressFamily '{family}' must be IPv4 or IPv6.", family),
        };

        /// <summary>
        /// The entries as the API takes them, each checked; <paramref name="entries"/> are objects or hashtables with
        /// Action, Prefix, Ge, Le. Without a <paramref name="family"/> (not known before the list is read) every rule
        /// but the family is checked, each prefix against its own family.
        /// </summary>
        public static IReadOnlyList<PrefixListEntry> Entries(IReadOnlyList<object>? entries, string? family)
        {
            if (entries is not { Count: > 0 }) throw MegaportException.InvalidArgument("A prefix list needs at least one -Entry (@{ Action = 'permit'; Prefix = '10.0.0.0/8' }).", null);
            return entries.Select((e, i) => Settings.Read(e, $"-Entry {i + 1}", EntryKeys, s => Entry(s.Text("Action"), s.Text("Prefix"), s.Int("Ge"), s.Int("Le"), family, i + 1))).ToList();
        }

        static PrefixListEntry Entry(string? action, string? prefix, int? ge, int? le, string? family, int n)
        {
            var what = $"-Entry {n}";
            var act = action?.ToLowerInvariant();
            if (act is not ("permit" or "deny")) throw MegaportException.InvalidArgument($"{what}: Action '{action}' must be permit or deny.", action);
            var parts = (prefix ?? "").Split('/');
            if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || !int.TryParse(parts[1], out var length))
                throw MegaportException.InvalidArgument($"{what}: Prefix '{prefix}' is not a CIDR prefix (10.0.0.0/8).", prefix);
            var v6 = ip.AddressFamily == AddressFamily.InterNetworkV6;
            if (family != null && (family == "IPv6") != v6)
                throw MegaportException.InvalidArgument($"{what}: Prefix '{prefix}' is {(v6 ? "IPv6" : "IPv4")}, but the list is {family}.", prefix);
            var max = v6 ? 128 : 32;
            if (length < 0 || length > max) throw MegaportException.InvalidArgument($"{what}: Prefix '{prefix}' has a length outside 0-{max}.", prefix);
            if (ge is int g && (g < length || g > max))
                throw MegaportException.InvalidArgument($"{what}: Ge {g} must be between the prefix length {length} and {max}.", ge);
            if (le is int l && (l < (ge ?? length) || l > max))
                throw MegaportException.InvalidArgument($"{what}: Le {l} must be between {(ge != null ? $"Ge {ge}" : $"the prefix length {length}")} and {max}.", le);
            return new PrefixListEntry { Action = act, Prefix = prefix!, Ge = ge, Le = le };
        }

        public static void Description(string? description)
        {
            if (string.IsNullOrWhiteSpace(description)) throw MegaportException.InvalidArgument("-Description (the list's name) must not be empty.", description);
            Check.Text(description, "Description", 100);
        }
    }
}
