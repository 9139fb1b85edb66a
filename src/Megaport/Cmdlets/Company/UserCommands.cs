using System;
using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Errors;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportUser: the company's users, all of them (filtered by name, email or role) or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportUser", DefaultParameterSetName = "Filter")]
    [OutputType(typeof(User))]
    public sealed class GetMegaportUserCommand : PerItemCmdlet
    {
        [Parameter(Position = 0, ParameterSetName = "Filter")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = "Filter")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        [Parameter(ParameterSetName = "Filter")]
        [ValidateSet("Company Admin", "Technical Admin", "Technical Contact", "Finance", "Financial Contact", "Read Only", IgnoreCase = true)]
        public string? Position { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ById", ValueFromPipelineByPropertyName = true)]
        [Alias("PersonId", "PartyId")]
        public int[] EmployeeId { get; set; } = null!;

        protected override void ProcessItem()
        {
            var api = Api;
            if (ParameterSetName == "ById")
            {
                foreach (var id in EmployeeId) CompanyChecks.EmployeeId(id);
                Each(EmployeeId, id => WriteObject(Run(ctx => api.GetUserAsync(id, ctx))));
                return;
            }
            var name = Wildcards.Pattern(Name);
            var email = Wildcards.Pattern(Email);
            foreach (var user in Run(ctx => api.GetUsersAsync(ctx)))
            {
                if (name != null && !name.IsMatch(user.Name) && !name.IsMatch(user.FirstName) && !name.IsMatch(user.LastName)) continue;
                if (email != null && !email.IsMatch(user.Email ?? "")) continue;
                if (Position != null && !string.Equals(user.Position, Position, StringComparison.OrdinalIgnoreCase)) continue;
                WriteObject(user);
            }
        }
    }

    /// <summary>New-MegaportUser: invites a user to the company with a role; they stay InvitationPending until they sign in.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    public sealed class NewMegaportUserCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string FirstName { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string LastName { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Email { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Company Admin", "Technical Admin", "Technical Contact", "Finance", "Financial Contact", "Read Only", IgnoreCase = true)]
        public string Position { get; set; } = null!;

        /// <summary>International format: +61412345678.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Phone { get; set; }

        protected override void ProcessItem()
        {
            var request = new NewUserRequest
            {
                FirstName = CompanyChecks.Required(FirstName, nameof(FirstName), 64),
                LastName = CompanyChecks.Required(LastName, nameof(LastName), 64),
                Email = CompanyChecks.Email(Email),
                Phone = string.IsNullOrEmpty(Phone) ? null : CompanyChecks.UserPhone(Phone!),
                Position = CompanyChecks.Position(Position),
                Active = true,
            };
            if (!ShouldChange($"user {request.FirstName} {request.LastName} <{request.Email}>", $"Invite as {request.Position}")) return;
            var api = Api;
            var id = Run(ctx => api.CreateUserAsync(request, ctx));
            WriteObject(Run(ctx => api.GetUserAsync(id, ctx)));
        }
    }

    /// <summary>Set-MegaportUser: changes a user; only what is given is sent. -Active:$false deactivates.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    public sealed class SetMegaportUserCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PersonId", "PartyId")]
        public int EmployeeId { get; set; }

        [Parameter] [AllowEmptyString] public string? FirstName { get; set; }
        [Parameter] [AllowEmptyString] public string? LastName { get; set; }
        [Parameter] [AllowEmptyString] public string? Email { get; set; }
        [Parameter] [AllowEmptyString] public string? Phone { get; set; }

        [Parameter]
        [ValidateSet("Company Admin", "Technical Admin", "Technical Contact", "Finance", "Financial Contact", "Read Only", IgnoreCase = true)]
        public string? Position { get; set; }

        /// <summary>$false deactivates the user (they can no longer sign in); $true reactivates.</summary>
        [Parameter] public bool Active { get; set; }
        [Parameter] public bool NotificationEnabled { get; set; }
        [Parameter] public bool Newsletter { get; set; }
        [Parameter] public bool Promotions { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            CompanyChecks.EmployeeId(EmployeeId);
            // Every given value is checked before the user is read.
            var change = new UserChange
            {
                FirstName = Given(nameof(FirstName)) ? CompanyChecks.Required(FirstName, nameof(FirstName), 64) : null,
                LastName = Given(nameof(LastName)) ? CompanyChecks.Required(LastName, nameof(LastName), 64) : null,
                Email = Given(nameof(Email)) ? CompanyChecks.Email(Email) : null,
                Phone = Given(nameof(Phone)) ? CompanyChecks.UserPhone(Phone!) : null,
                Position = Given(nameof(Position)) ? CompanyChecks.Position(Position!) : null,
                Active = Given(nameof(Active)) ? Active : null,
                NotificationEnabled = Given(nameof(NotificationEnabled)) ? NotificationEnabled : null,
                Newsletter = Given(nameof(Newsletter)) ? Newsletter : null,
                Promotions = Given(nameof(Promotions)) ? Promotions : null,
            };
            var settings = new[] { nameof(FirstName), nameof(LastName), nameof(Email), nameof(Phone), nameof(Position), nameof(Active), nameof(NotificationEnabled), nameof(Newsletter), nameof(Promotions) };
            if (!settings.Any(Given)) throw MegaportException.InvalidArgument($"Nothing to change on user {EmployeeId}: give at least one setting.", EmployeeId);
            var api = Api;
            var user = Run(ctx => api.GetUserAsync(EmployeeId, ctx));
            var lines = new ChangeLines();
            void Line(string label, object? old, object? value) { if (value != null && !Equals(old, value)) lines.Add(label, old, value); }
            Line("FirstName", user.FirstName, change.FirstName);
            Line("LastName", user.LastName, change.LastName);
            Line("Email", user.Email, change.Email);
            Line("Phone", user.Phone, change.Phone);
            Line("Position", user.Position, change.Position);
            Line("Active", user.Active, change.Active);
            Line("NotificationEnabled", user.NotificationEnabled, change.NotificationEnabled);
            Line("Newsletter", user.Newsletter, change.Newsletter);
            Line("Promotions", user.Promotions, change.Promotions);
            if (lines.Count == 0)
            {
                WriteVerbose($"User {user.Name} ({EmployeeId}) already has these settings; nothing sent.");
                if (PassThru) WriteObject(user);
                return;
            }
            // A user who has not accepted the invitation can only be deactivated (or removed) until they sign in.
            if (user.InvitationPending && !(change.Active == false && lines.Count == 1))
                throw MegaportException.InvalidArgument(
                    $"{user.Name} ({EmployeeId}) has not accepted the invitation yet, so only -Active:$false can change them; Remove-MegaportUser withdraws the invitation.", EmployeeId);
            if (!ShouldChange($"user {user.Name} ({EmployeeId})", $"Change {lines}")) return;
            Run(ctx => api.UpdateUserAsync(EmployeeId, change, ctx));
            if (PassThru) WriteObject(Run(ctx => api.GetUserAsync(EmployeeId, ctx)));
        }
    }

    /// <summary>Remove-MegaportUser: withdraws the invitation of a user who has not signed in yet (others are deactivated instead).</summary>
    [Cmdlet(VerbsCommon.Remove, "MegaportUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMegaportUserCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PersonId", "PartyId")]
        public int EmployeeId { get; set; }

        /// <summary>Do not ask for confirmation (-WhatIf still only shows what would happen).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessItem()
        {
            CompanyChecks.EmployeeId(EmployeeId);
            var api = Api;
            var user = Run(ctx => api.GetUserAsync(EmployeeId, ctx));
            if (!user.InvitationPending)
                throw MegaportException.InvalidArgument(
                    $"{user.Name} ({EmployeeId}) has accepted the invitation and cannot be removed; deactivate them with Set-MegaportUser -EmployeeId {EmployeeId} -Active:$false.", EmployeeId);
            if (!ShouldChange($"user {user.Name} <{user.Email}> ({EmployeeId})", "Remove (withdraw the invitation)", Force)) return;
            Run(ctx => api.DeleteUserAsync(EmployeeId, ctx));
            WriteVerbose($"Removed user {user.Name} ({EmployeeId}).");
        }
    }

    /// <summary>Get-MegaportActivity: the account's activity log (sign-ins, changes, orders), of everyone or one user.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportActivity")]
    [OutputType(typeof(UserActivity))]
    public sealed class GetMegaportActivityCommand : PerItemCmdlet
    {
        /// <summary>A user's EmployeeId or UID; a user from Get-MegaportUser binds by EmployeeId.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("EmployeeId", "PersonId")]
        [AllowEmptyString]
        public string? User { get; set; }

        /// <summary>Only entries after this time.</summary>
        [Parameter]
        public DateTime? After { get; set; }

        protected override void ProcessItem()
        {
            if (Given(nameof(User))) CompanyChecks.PersonIdOrUid(User, nameof(User));
            var after = After?.ToUniversalTime();
            var api = Api;
            var user = Given(nameof(User)) ? User : null;
            foreach (var entry in Run(ctx => api.GetActivityAsync(user, ctx)))
                if (after == null || (entry.Time is DateTime t && t > after)) WriteObject(entry);
        }
    }
}
