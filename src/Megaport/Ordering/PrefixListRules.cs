using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using Megaport.Api.Requests;
using Megaport.Errors;

namespace Megaport.Ordering
{
    /// <summary>
    /// The local rules of a prefix list, whoever owns it (an MCR or a NAT gateway): one address family, valid CIDRs,
    /// permit or deny, and prefix length ≤ ge ≤ le ≤ 32/128.
    /// </summary>
    internal static class PrefixListRules
    {
        static readonly string[] EntryKeys = { nameof(PrefixListEntry.Action), nameof(PrefixListEntry.Prefix), nameof(PrefixListEntry.Ge), nameof(PrefixListEntry.Le) };

        public static string Family(string? family) => family?.ToUpperInvariant() switch
        {
            "IPV4" => "IPv4",
            "IPV6" => "IPv6",
            _ => throw MegaportException.InvalidArgument($"-AddressFamily '{family}' must be IPv4 or IPv6.", family),
        };

        /// <summary>An -AddressFamily that may be left out (the entries' prefixes then decide).</summary>
        public static string? OptionalFamily(string? family) => family == null ? null : Family(family);

        /// <summary>
        /// The entries as the API takes them, each checked, and the list's family: <paramref name="family"/>, or when
        /// that is null the family of the first prefix. <paramref name="entries"/> are hashtables or objects (entries read
        /// back by a Get- cmdlet too) with Action, Prefix, Ge and Le; ge and le may be numbers or text.
        /// </summary>
        public static (string Family, IReadOnlyList<PrefixListEntrySpec> Entries) Read(IReadOnlyList<object>? entries, string? family)
        {
            if (entries is not { Count: > 0 })
                throw MegaportException.InvalidArgument("A prefix list needs at least one -Entry (@{ Action = 'permit'; Prefix = '10.0.0.0/8' }).", null);
            var specs = new List<PrefixListEntrySpec>();
            for (var i = 0; i < entries.Count; i++)
            {
                var what = $"-Entry {i + 1}";
                specs.Add(Settings.Read(entries[i], what, EntryKeys, s =>
                {
                    var (spec, v6) = Entry(s.Text("Action"), s.Text("Prefix"), s.Int("Ge"), s.Int("Le"), what);
                    family ??= v6 ? "IPv6" : "IPv4";
                    if ((family == "IPv6") != v6)
                        throw MegaportException.InvalidArgument($"{what}: Prefix '{spec.Prefix}' is not an {family} prefix; a list holds one address family.", spec.Prefix);
                    return spec;
                }));
            }
            return (family!, specs);
        }

        /// <summary>The entries of a list as read, to send back unchanged.</summary>
        public static IReadOnlyList<PrefixListEntrySpec> Of(IEnumerable<PrefixListEntry> entries) =>
            entries.Select(e => new PrefixListEntrySpec { Action = e.Action, Prefix = e.Prefix, Ge = e.Ge, Le = e.Le }).ToList();

        static (PrefixListEntrySpec Spec, bool V6) Entry(string? action, string? prefix, int? ge, int? le, string what)
        {
            var act = action?.ToLowerInvariant();
            if (act is not ("permit" or "deny")) throw MegaportException.InvalidArgument($"{what}: Action '{action}' must be permit or deny.", action);
            if (string.IsNullOrEmpty(prefix)) throw MegaportException.InvalidArgument($"{what}: Prefix is required (10.0.0.0/8).", null);
            var parts = prefix!.Split('/');
            if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                throw MegaportException.InvalidArgument($"{what}: Prefix '{prefix}' is not a CIDR prefix (10.0.0.0/8).", prefix);
            var v6 = ip.AddressFamily == AddressFamily.InterNetworkV6;
            var max = v6 ? 128 : 32;
            if (length > max) throw MegaportException.InvalidArgument($"{what}: Prefix '{prefix}' has a length beyond {max}.", prefix);
            foreach (var (key, value) in new[] { ("Ge", ge), ("Le", le) })
                if (value is int n && (n < 0 || n > max)) throw MegaportException.InvalidArgument($"{what}: {key} {n} is not a prefix length (0-{max}).", n);
            if (ge is int g && g < length) throw MegaportException.InvalidArgument($"{what}: Ge {g} is shorter than the prefix length {length} of {prefix}.", g);
            if (le is int l && l < (ge ?? length))
                throw MegaportException.InvalidArgument($"{what}: Le {l} is below {(ge is null ? "the prefix length" : "Ge")} {ge ?? length}.", l);
            return (new PrefixListEntrySpec { Action = act, Prefix = prefix, Ge = ge, Le = le }, v6);
        }

        public static void Description(string? description)
        {
            if (string.IsNullOrWhiteSpace(description)) throw MegaportException.InvalidArgument("-Description (the list's name) must not be empty.", description);
            Check.Text(description, "Description", 100);
        }
    }
}
