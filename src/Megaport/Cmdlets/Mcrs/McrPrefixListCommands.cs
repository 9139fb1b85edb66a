using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Base of the prefix list cmdlets: the MCR by -ProductUid, a list by -Description (its name) or -Id.</summary>
    public abstract class McrPrefixListCmdlet : PerItemCmdlet
    {
        internal const string ByDescription = "ByDescription";
        internal const string ById = "ById";

        /// <summary>The MCR (binds ProductUid from an MCR object in the pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "McrUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string ProductUid { get; set; } = null!;

        /// <summary>The MCR, read and checked to be one.</summary>
        internal Mcr ReadMcr()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            var api = Api;
            var service = Run(ctx => api.GetServiceAsync(ProductUid, ctx));
            return service as Mcr ?? throw MegaportException.InvalidArgument($"'{service.Name}' ({ProductUid}) is a {service.ProductType}; prefix lists belong to MCRs.", ProductUid);
        }

        internal IReadOnlyList<PrefixList> ReadLists(Mcr mcr)
        {
            var api = Api;
            return Run(ctx => api.GetPrefixListsAsync(PrefixListOwner.Mcr, mcr.ProductUid, ctx));
        }

        /// <summary>The one list named by description (exactly) or id, or MegaportServiceNotFound.</summary>
        internal static PrefixList Find(Mcr mcr, IReadOnlyList<PrefixList> lists, string? description, int? id)
        {
            var list = id is int i ? lists.FirstOrDefault(l => l.Id == i) : lists.FirstOrDefault(l => string.Equals(l.Description, description, StringComparison.Ordinal));
            return list ?? throw new MegaportException(ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound,
                $"MCR '{mcr.Name}' has no prefix list {(id != null ? $"with id {id}" : $"'{description}'")}" +
                (lists.Count == 0 ? "." : $"; it has {string.Join(", ", lists.Select(l => $"'{l.Description}' ({l.Id})"))}."), (object?)id ?? description)
            { RecommendedAction = "Get-MegaportMcrPrefixList lists an MCR's prefix lists." };
        }

        internal static string EntriesText(IEnumerable<string> entries) => entries.Any() ? string.Join(", ", entries) : "(none)";

        internal static string Text(PrefixListEntrySpec e) => $"{e.Action} {e.Prefix}" + (e.Ge != null ? $" ge {e.Ge}" : "") + (e.Le != null ? $" le {e.Le}" : "");
    }

    /// <summary>Get-MegaportMcrPrefixList: an MCR's prefix filter lists with their entries.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMcrPrefixList", DefaultParameterSetName = ByDescription)]
    [OutputType(typeof(PrefixList))]
    public sealed class GetMegaportMcrPrefixListCommand : McrPrefixListCmdlet
    {
        /// <summary>Only the lists whose name matches (wildcards allowed).</summary>
        [Parameter(Position = 1, ParameterSetName = ByDescription)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Description { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ById)]
        public int Id { get; set; }

        protected override void ProcessItem()
        {
            var mcr = ReadMcr();
            var api = Api;
            if (ParameterSetName == ById)
            {
                WriteObject(Find(mcr, ReadLists(mcr), null, Id));
                return;
            }
            var pattern = Wildcards.Pattern(Description);
            var lists = ReadLists(mcr).Where(l => pattern == null || pattern.IsMatch(l.Description)).ToList();
            if (lists.Count == 0 && Description != null && !Wildcards.IsPattern(Description)) Find(mcr, ReadLists(mcr), Description, null);
            WriteObject(lists, enumerateCollection: true);
        }
    }

    /// <summary>New-MegaportMcrPrefixList: a prefix filter list on an MCR, for BGP import and export filters.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportMcrPrefixList", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PrefixList))]
    public sealed class NewMegaportMcrPrefixListCommand : McrPrefixListCmdlet
    {
        /// <summary>The list's name, unique on the MCR.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string Description { get; set; } = null!;

        [Parameter(Mandatory = true)]
        [ValidateSet("IPv4", "IPv6", IgnoreCase = true)]
        public string AddressFamily { get; set; } = null!;

        /// <summary>The entries, in order: objects or hashtables with Action (permit/deny), Prefix, and optional Ge and Le.</summary>
        [Parameter(Mandatory = true)]
        public object[] Entry { get; set; } = null!;

        protected override void ProcessItem()
        {
            PrefixListRules.Description(Description);
            var family = PrefixListRules.Family(AddressFamily);
            var (_, entries) = PrefixListRules.Read(Entry, family);
            var mcr = ReadMcr();
            var lists = ReadLists(mcr);
            if (lists.Any(l => string.Equals(l.Description, Description, StringComparison.Ordinal)))
                throw MegaportException.InvalidArgument($"MCR '{mcr.Name}' already has a prefix list '{Description}'; Set-MegaportMcrPrefixList changes it.", Description);
            var request = new PrefixListSpec { Description = Description, AddressFamily = family, Entries = entries };
            if (!ShouldChange($"MCR '{mcr.Name}' ({mcr.ProductUid})", $"Create {family} prefix list '{Description}': {EntriesText(entries.Select(Text))}")) return;
            var api = Api;
            WriteObject(Run(ctx => api.SetPrefixListAsync(PrefixListOwner.Mcr, mcr.ProductUid, null, request, ctx)));
        }
    }

    /// <summary>Set-MegaportMcrPrefixList: replaces a prefix list's entries, or renames it.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportMcrPrefixList", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByDescription)]
    [OutputType(typeof(PrefixList))]
    public sealed class SetMegaportMcrPrefixListCommand : McrPrefixListCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByDescription, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Description { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        /// <summary>A new name for the list.</summary>
        [Parameter]
        public string? NewDescription { get; set; }

        /// <summary>The list's new entries, replacing the old ones.</summary>
        [Parameter]
        public object[]? Entry { get; set; }

        /// <summary>Emit the list after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            if (NewDescription != null) PrefixListRules.Description(NewDescription);
            if (NewDescription == null && Entry == null)
                throw MegaportException.InvalidArgument("Nothing to change: give -Entry, -NewDescription, or both.", null);
            // Everything but the family is checked before the list is read.
            if (Entry != null) PrefixListRules.Read(Entry, null);
            var mcr = ReadMcr();
            var lists = ReadLists(mcr);
            var current = Find(mcr, lists, ParameterSetName == ById ? null : Description, ParameterSetName == ById ? Id : null);
            var entries = Entry != null ? PrefixListRules.Read(Entry, current.AddressFamily).Entries : PrefixListRules.Of(current.Entries);
            var name = NewDescription ?? current.Description;
            if (NewDescription != null && lists.Any(l => l.Id != current.Id && string.Equals(l.Description, NewDescription, StringComparison.Ordinal)))
                throw MegaportException.InvalidArgument($"MCR '{mcr.Name}' already has a prefix list '{NewDescription}'.", NewDescription);
            var lines = new ChangeLines();
            if (NewDescription != null) lines.Add("Description", current.Description, NewDescription);
            if (Entry != null) lines.Add("Entries", EntriesText(current.Entries.Select(e => e.ToString())), EntriesText(entries.Select(Text)));
            if (!ShouldChange($"prefix list '{current.Description}' ({current.Id}) of MCR '{mcr.Name}'", $"Change {lines}")) return;
            var api = Api;
            var request = new PrefixListSpec { Description = name, AddressFamily = current.AddressFamily, Entries = entries };
            var updated = Run(ctx => api.SetPrefixListAsync(PrefixListOwner.Mcr, mcr.ProductUid, current.Id, request, ctx));
            if (PassThru) WriteObject(updated);
        }
    }

    /// <summary>Remove-MegaportMcrPrefixList: deletes a prefix list (the API refuses one a BGP session still uses).</summary>
    [Cmdlet(VerbsCommon.Remove, "MegaportMcrPrefixList", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByDescription)]
    [OutputType(typeof(void))]
    public sealed class RemoveMegaportMcrPrefixListCommand : McrPrefixListCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByDescription, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Description { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        /// <summary>Do not ask for confirmation (-WhatIf still only shows what would happen).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessItem()
        {
            var mcr = ReadMcr();
            var list = Find(mcr, ReadLists(mcr), ParameterSetName == ById ? null : Description, ParameterSetName == ById ? Id : null);
            if (!ShouldChange($"prefix list '{list.Description}' ({list.Id}) of MCR '{mcr.Name}'", "Remove", Force)) return;
            var api = Api;
            Run(ctx => api.DeletePrefixListAsync(PrefixListOwner.Mcr, mcr.ProductUid, list.Id, ctx));
            WriteVerbose($"Removed prefix list '{list.Description}' ({list.Id}) of MCR '{mcr.Name}'.");
        }
    }
}
