using System.Collections.Generic;
using System.Management.Automation;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Ordering;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportNatGatewayPrefixList: a NAT gateway's prefix lists, with their entries.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportNatGatewayPrefixList")]
    [OutputType(typeof(PrefixList))]
    public sealed class GetMegaportNatGatewayPrefixListCommand : GetNatGatewayListCmdlet
    {
        internal override NatGatewayList List => NatGatewayList.PrefixLists;
    }

    /// <summary>New-MegaportNatGatewayPrefixList: adds a prefix list (ordered permit/deny prefixes) to a NAT gateway.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportNatGatewayPrefixList", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PrefixList))]
    public sealed class NewMegaportNatGatewayPrefixListCommand : NewNatGatewayListCmdlet
    {
        /// <summary>IPv4 or IPv6; taken from the entries' prefixes when not given.</summary>
        [Parameter]
        [ValidateSet("IPv4", "IPv6", IgnoreCase = true)]
        public string? AddressFamily { get; set; }

        internal override NatGatewayList List => NatGatewayList.PrefixLists;

        internal override (object Spec, string What) Build()
        {
            var (family, entries) = PrefixListRules.Read(Entry, PrefixListRules.OptionalFamily(AddressFamily));
            return (new PrefixListSpec { Description = Description, AddressFamily = family, Entries = entries },
                $"{family} prefix list '{Description}' with {entries.Count} entries");
        }
    }

    /// <summary>Set-MegaportNatGatewayPrefixList: renames a prefix list, changes its address family or replaces its entries.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportNatGatewayPrefixList", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = ById)]
    [OutputType(typeof(PrefixList))]
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
            _given = Given(nameof(Entry)) ? PrefixListRules.Read(Entry, PrefixListRules.OptionalFamily(AddressFamily)) : null;
            return Given(nameof(NewDescription)) || Given(nameof(AddressFamily)) || _given != null;
        }

        internal override object Describe(object current, ChangeLines lines)
        {
            var list = (PrefixList)current;
            // The current entries are checked too: a new family must hold them.
            var (family, entries) = _given ?? PrefixListRules.Read(list.Entries, PrefixListRules.OptionalFamily(AddressFamily) ?? list.AddressFamily);
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
}
