using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportNatGatewayPrefixList: a NAT gateway's prefix lists, with their entries.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportNatGatewayPrefixList")]
    [OutputType(typeof(NatGatewayPrefixList))]
    public sealed class GetMegaportNatGatewayPrefixListCommand : GetNatGatewayListCmdlet
    {
        internal override NatGatewayList List => NatGatewayList.PrefixLists;
    }

    /// <summary>New-MegaportNatGatewayPrefixList: adds a prefix list (ordered permit/deny prefixes) to a NAT gateway.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportNatGatewayPrefixList", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NatGatewayPrefixList))]
    public sealed class NewMegaportNatGatewayPrefixListCommand : NewNatGatewayListCmdlet
    {
        /// <summary>IPv4 or IPv6; taken from the entries' prefixes when not given.</summary>
        [Parameter]
        [ValidateSet("IPv4", "IPv6", IgnoreCase = true)]
        public string? AddressFamily { get; set; }

        internal override NatGatewayList List => NatGatewayList.PrefixLists;

        internal override (object Spec, string What) Build()
        {
            var (family, entries) = PrefixListEntries.Read(Entry, AddressFamily);
            return (new PrefixListSpec { Description = Description, AddressFamily = family, Entries = entries },
                $"{family} prefix list '{Description}' with {entries.Count} entries");
        }
    }

    /// <summary>Set-MegaportNatGatewayPrefixList: renames a prefix list, changes its address family or replaces its entries.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportNatGatewayPrefixList", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = ById)]
    [OutputType(typeof(NatGatewayPrefixList))]
    public sealed class SetMegaportNatGatewayPrefixListCommand : SetNatGatewayListCmdlet
    {
        /// <summary>IPv4 or IPv6; the entries (new or current) must all be of it.</summary>
        [Parameter]
        [ValidateSet("IPv4", "IPv6", IgnoreCase = true)]
        public string? AddressFamily { get; set; }

        (string Family, IReadOnlyList<PrefixListEntrySpec> Entries)? _given;

        internal override NatGatewayList List => NatGatewayList.PrefixLists;
        internal override string Changes => "-NewDescription, -AddressFamily or -Entry";

        internal override bool CheckChanges()
        {
            _given = Given(nameof(Entry)) ? PrefixListEntries.Read(Entry, AddressFamily) : null;
            return Given(nameof(NewDescription)) || Given(nameof(AddressFamily)) || _given != null;
        }

        internal override object Describe(object current, ChangeLines lines)
        {
            var list = (NatGatewayPrefixList)current;
            var (family, entries) = _given ?? PrefixListEntries.Read(PrefixListEntries.Of(list.Entries), AddressFamily ?? list.AddressFamily);
            if (Given(nameof(NewDescription))) lines.Add("Description", list.Description, NewDescription);
            if (family != list.AddressFamily) lines.Add("AddressFamily", list.AddressFamily, family);
            if (_given != null) lines.Add("Entries", $"{list.Entries.Length} entries", $"{entries.Count} entries");
            return new PrefixListSpec { Description = NewDescription ?? list.Description, AddressFamily = family, Entries = entries };
        }
    }

    /// <summary>Remove-MegaportNatGatewayPrefixList: deletes a prefix list.</summary>
    [Cmdlet(VerbsCommon.Remove, "MegaportNatGatewayPrefixList", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        DefaultParameterSetName = ById)]
    public sealed class RemoveMegaportNatGatewayPrefixListCommand : RemoveNatGatewayListCmdlet
    {
        internal override NatGatewayList List => NatGatewayList.PrefixLists;
    }

    /// <summary>Prefix list entries from PowerShell input, checked locally; ge and le are numbers here, text on the wire.</summary>
    internal static class PrefixListEntries
    {
        /// <summary>The address family (given, or that of the first prefix) and the entries, all of that family.</summary>
        public static (string Family, IReadOnlyList<PrefixListEntrySpec> Entries) Read(object[]? input, string? family)
        {
            var entries = new List<PrefixListEntrySpec>();
            var i = 0;
            foreach (var e in NatGatewayListCmdlet.Entries(input, typeof(NatGatewayPrefixListEntry)))
            {
                var what = $"-Entry[{i++}]";
                var prefix = NatGatewayListCmdlet.Text(e, nameof(NatGatewayPrefixListEntry.Prefix))
                    ?? throw MegaportException.InvalidArgument($"{what}.Prefix is required (10.0.0.0/8).", input);
                Check.Cidr(prefix, what.Substring(1) + ".Prefix");
                var parts = prefix.Split('/');
                var v6 = IPAddress.Parse(parts[0]).AddressFamily == AddressFamily.InterNetworkV6;
                family ??= v6 ? "IPv6" : "IPv4";
                var isV6 = string.Equals(family, "IPv6", System.StringComparison.OrdinalIgnoreCase);
                if (isV6 != v6) throw MegaportException.InvalidArgument($"{what}.Prefix '{prefix}' is not an {family} prefix; a list holds one address family.", prefix);
                var max = v6 ? 128 : 32;
                var length = int.Parse(parts[1], CultureInfo.InvariantCulture);
                var ge = Length(e, nameof(NatGatewayPrefixListEntry.Ge), what, max);
                var le = Length(e, nameof(NatGatewayPrefixListEntry.Le), what, max);
                if (ge is int g && g < length) throw MegaportException.InvalidArgument($"{what}.Ge {g} is shorter than the prefix length {length} of {prefix}.", g);
                if (le is int l && l < (ge ?? length))
                    throw MegaportException.InvalidArgument($"{what}.Le {l} is below {(ge is null ? "the prefix length" : "Ge")} {ge ?? length}.", l);
                entries.Add(new PrefixListEntrySpec
                {
                    Action = NatGatewayListCmdlet.Action(e, what),
                    Prefix = prefix,
                    Ge = ge?.ToString(CultureInfo.InvariantCulture),
                    Le = le?.ToString(CultureInfo.InvariantCulture),
                });
            }
            return (string.Equals(family, "IPv6", System.StringComparison.OrdinalIgnoreCase) ? "IPv6" : "IPv4", entries);
        }

        /// <summary>The entries of a list as read, as -Entry input (to check them against a new address family).</summary>
        public static object[] Of(IEnumerable<NatGatewayPrefixListEntry> entries) =>
            entries.Select(e => (object)new JObject { ["Action"] = e.Action, ["Prefix"] = e.Prefix, ["Ge"] = e.Ge, ["Le"] = e.Le }).ToArray();

        static int? Length(Dictionary<string, JValue> e, string key, string what, int max)
        {
            var text = NatGatewayListCmdlet.Text(e, key);
            if (text == null) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max) return n;
            throw MegaportException.InvalidArgument($"{what}.{key} '{text}' is not a prefix length (0-{max}).", text);
        }
    }
}
