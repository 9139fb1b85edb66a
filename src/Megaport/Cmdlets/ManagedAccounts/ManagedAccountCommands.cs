using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportManagedAccount: the companies a partner manages, all or by name (wildcards) or company UID.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportManagedAccount", DefaultParameterSetName = "ByName")]
    [OutputType(typeof(ManagedAccount))]
    public sealed class GetMegaportManagedAccountCommand : PerItemCmdlet
    {
        [Parameter(Position = 0, ParameterSetName = "ByName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ManagedAccountCompleter))]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ByUid", ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] CompanyUid { get; set; } = null!;

        IReadOnlyList<ManagedAccount>? _all;

        protected override void ProcessItem()
        {
            if (ParameterSetName == "ByUid")
                foreach (var uid in CompanyUid) CheckCompanyUid(uid, nameof(CompanyUid));
            var session = CurrentSession;
            var api = Api;
            _all ??= Run(ctx => ManagedAccounts.ListAsync(session, api, ctx));
            if (ParameterSetName == "ByUid")
            {
                Each(CompanyUid, uid => WriteObject(_all.FirstOrDefault(a => a.CompanyUid.Equals(uid, StringComparison.OrdinalIgnoreCase))
                    ?? throw NotFound($"No managed account has company UID {uid}.", uid)));
                return;
            }
            if (Name == null)
            {
                WriteObject(_all, enumerateCollection: true);
                return;
            }
            var shown = new HashSet<ManagedAccount>();
            Each(Name, name =>
            {
                var pattern = Wildcards.Pattern(name)!;
                var hits = _all.Where(a => pattern.IsMatch(a.Name)).ToList();
                if (hits.Count == 0 && !Wildcards.IsPattern(name)) throw NotFound($"No managed account is named '{name}'.", name);
                foreach (var hit in hits.Where(shown.Add)) WriteObject(hit);
            });
        }

        /// <summary>-CompanyUid names one account exactly: unlike -ManagedAccount text, surrounding whitespace is not trimmed away.</summary>
        internal static void CheckCompanyUid(string uid, string what)
        {
            if (!Check.IsUid(uid)) throw MegaportException.InvalidArgument($"-{what} '{uid}' is not a company UID (a UUID: 8-4-4-4-12 hexadecimal digits, such as {Check.UidExample}).", uid);
        }

        internal static MegaportException NotFound(string message, string target) =>
            new(ErrorIds.ManagedAccountNotFound, ErrorCategory.ObjectNotFound, message, target)
            { RecommendedAction = "Get-MegaportManagedAccount lists the accounts you manage." };
    }

    /// <summary>New-MegaportManagedAccount: a new managed company, with the partner's reference for it.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportManagedAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ManagedAccount))]
    public sealed class NewMegaportManagedAccountCommand : PerItemCmdlet
    {
        /// <summary>The company's name, 1-128 characters, unique among your managed accounts.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Name { get; set; } = null!;

        /// <summary>Your reference for the account (a CRM or billing id); it shows on invoices and notifications.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("AccountRef")]
        [AllowEmptyString]
        public string Reference { get; set; } = null!;

        protected override void ProcessItem()
        {
            var request = ManagedAccountInput.Request(Name, Reference);
            if (!ShouldChange(request.Name, $"Create managed account '{request.Name}' (reference {request.Reference})")) return;
            var session = CurrentSession;
            var api = Api;
            // Names are how accounts are told apart (and named with -ManagedAccount): a second one is refused here.
            var existing = Run(ctx => ManagedAccounts.ListAsync(session, api, ctx));
            if (existing.Any(a => a.Name.Equals(request.Name, StringComparison.OrdinalIgnoreCase)))
                throw MegaportException.InvalidArgument($"A managed account named '{request.Name}' already exists.", request.Name);
            var created = Run(ctx => api.CreateManagedAccountAsync(request, ctx));
            lock (session.CacheLock) session.ManagedAccounts = null;
            WriteObject(created);
        }
    }

    /// <summary>Set-MegaportManagedAccount: renames a managed company or changes its reference.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportManagedAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ManagedAccount))]
    public sealed class SetMegaportManagedAccountCommand : PerItemCmdlet
    {
        /// <summary>The account to change (binds CompanyUid from Get-MegaportManagedAccount).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ManagedAccountTransformation]
        [ValidateNotNullOrEmpty]
        public string CompanyUid { get; set; } = null!;

        [Parameter]
        [Alias("NewName")]
        [AllowEmptyString]
        public string? Name { get; set; }

        [Parameter]
        [Alias("AccountRef")]
        [AllowEmptyString]
        public string? Reference { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            GetMegaportManagedAccountCommand.CheckCompanyUid(CompanyUid, nameof(CompanyUid));
            if (Name == null && Reference == null) throw MegaportException.InvalidArgument("Give -Name or -Reference to change.", CompanyUid);
            if (Name != null) ManagedAccountInput.CheckName(Name);
            if (Reference != null) ManagedAccountInput.CheckReference(Reference);
            var session = CurrentSession;
            var api = Api;
            // The API takes both fields on an update: what is not given is sent as it is now.
            var all = Run(ctx => ManagedAccounts.ListAsync(session, api, ctx));
            var current = all.FirstOrDefault(a => a.CompanyUid.Equals(CompanyUid, StringComparison.OrdinalIgnoreCase))
                ?? throw GetMegaportManagedAccountCommand.NotFound($"No managed account has company UID {CompanyUid}.", CompanyUid);
            var request = ManagedAccountInput.Request(Name ?? current.Name, Reference ?? current.Reference);
            var lines = new ChangeLines();
            if (request.Name != current.Name) lines.Add("Name", current.Name, request.Name);
            if (request.Reference != current.Reference) lines.Add("Reference", current.Reference, request.Reference);
            if (lines.Count == 0) throw MegaportException.InvalidArgument($"Nothing to change on managed account '{current.Name}'.", CompanyUid);
            if (all.Any(a => a != current && a.Name.Equals(request.Name, StringComparison.OrdinalIgnoreCase)))
                throw MegaportException.InvalidArgument($"A managed account named '{request.Name}' already exists.", request.Name);
            if (!ShouldChange($"managed account '{current.Name}' ({current.CompanyUid})", $"Change {lines}")) return;
            var updated = Run(ctx => api.UpdateManagedAccountAsync(current.CompanyUid, request, ctx));
            lock (session.CacheLock) session.ManagedAccounts = null;
            if (PassThru) WriteObject(updated);
        }
    }

    /// <summary>The fields of a managed account, checked before any request.</summary>
    internal static class ManagedAccountInput
    {
        public static void CheckName(string name) => Check.Name(name, "Name", 128);

        public static void CheckReference(string reference)
        {
            if (string.IsNullOrWhiteSpace(reference)) throw MegaportException.InvalidArgument("-Reference must not be empty.", reference);
            Check.Text(reference, "Reference", 128);
        }

        public static ManagedAccountRequest Request(string name, string reference)
        {
            CheckName(name);
            CheckReference(reference);
            return new ManagedAccountRequest(name.Trim(), reference.Trim());
        }
    }
}
