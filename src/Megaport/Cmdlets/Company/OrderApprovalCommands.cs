using System;
using System.Linq;
using System.Management.Automation;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Get-MegaportOrderApproval: requests to approve orders and changes, filtered by status and service. The API pages
    /// the list; the cmdlet reads page after page as the pipeline takes them, and -First/-Skip/-IncludeTotalCount work.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MegaportOrderApproval", SupportsPaging = true)]
    [OutputType(typeof(OrderApproval))]
    public sealed class GetMegaportOrderApprovalCommand : PerItemCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet("PENDING", "APPROVED", "REJECTED", "FAILED", "WITHDRAWN", "EXPIRED", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>The product ids of the services the requests are about; a service from the pipeline binds by its ProductId.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProductId")]
        [ValidateNotNullOrEmpty]
        public int[]? ServiceId { get; set; }

        /// <summary>Rows per request (the API may page by fewer; the cmdlet follows it).</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int PageSize { get; set; } = 100;

        protected override void ProcessItem()
        {
            if (ServiceId != null && ServiceId.Any(i => i <= 0))
                throw MegaportException.InvalidArgument($"-ServiceId {string.Join(", ", ServiceId)}: product ids are positive numbers.", ServiceId);
            var api = Api;
            var status = Status?.ToUpperInvariant();
            var ids = ServiceId;
            // The total (the API's count) comes before the rows, as -IncludeTotalCount promises.
            Action<long?>? onTotal = PagingParameters.IncludeTotalCount
                ? total => Emit(total is long t ? PagingParameters.NewTotalCount((ulong)t, 1.0) : PagingParameters.NewTotalCount(0, 0.0))
                : null;
            Run(ctx => api.StreamOrderApprovalsAsync(status, ids, PagingParameters.Skip, PagingParameters.First, PageSize, Emit, ctx, onTotal, c => Consumed(c.Token)));
        }
    }

    /// <summary>Approve-, Deny- and Revoke-MegaportOrderApproval: one decision on requests from the pipeline, with a comment.</summary>
    public abstract class OrderApprovalDecisionCmdlet : PerItemCmdlet
    {
        /// <summary>The request's UID; an approval from Get-MegaportOrderApproval binds by its Uid.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ByUid")]
        [Alias("OrderApprovalUid")]
        [AllowEmptyString]
        public string Uid { get; set; } = null!;

        /// <summary>An approval from Get-MegaportOrderApproval: a request that is no longer PENDING is refused before any call.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByObject")]
        public OrderApproval InputObject { get; set; } = null!;

        /// <summary>Why: sent with the decision and kept with the request.</summary>
        [Parameter]
        public string? Comment { get; set; }

        internal abstract ApprovalDecision Decision { get; }
        internal abstract string Verb { get; }

        protected override void ProcessItem()
        {
            var uid = ParameterSetName == "ByObject" ? InputObject.Uid : Uid;
            if (!Check.IsUid(uid)) throw MegaportException.InvalidArgument($"-Uid '{uid}' is not an order approval UID.", uid);
            Check.Text(Comment, nameof(Comment), 1000);
            var what = $"order approval {uid}";
            if (ParameterSetName == "ByObject")
            {
                if (!InputObject.IsPending)
                    throw MegaportException.InvalidArgument($"Order approval {InputObject.ReferenceId ?? uid} is {InputObject.Status}; only a PENDING request can be decided.", uid);
                what = $"order approval {InputObject.ReferenceId ?? uid} ({InputObject.Type}, {InputObject.AccountName})";
            }
            if (!ShouldChange(what, Verb + (string.IsNullOrEmpty(Comment) ? "" : $" with the comment '{Comment}'"))) return;
            var api = Api;
            var comment = string.IsNullOrEmpty(Comment) ? null : Comment;
            var message = Run(ctx => api.ActOnOrderApprovalAsync(uid, Decision, comment, ctx));
            WriteVerbose($"{Verb} {what}: {message}");
        }
    }

    /// <summary>Approve-MegaportOrderApproval: approves pending requests (the order or change then goes ahead).</summary>
    [Cmdlet(VerbsLifecycle.Approve, "MegaportOrderApproval", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "ByObject")]
    [OutputType(typeof(void))]
    public sealed class ApproveMegaportOrderApprovalCommand : OrderApprovalDecisionCmdlet
    {
        internal override ApprovalDecision Decision => ApprovalDecision.Approve;
        internal override string Verb => "Approve";
    }

    /// <summary>Deny-MegaportOrderApproval: rejects pending requests.</summary>
    [Cmdlet(VerbsLifecycle.Deny, "MegaportOrderApproval", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "ByObject")]
    [OutputType(typeof(void))]
    public sealed class DenyMegaportOrderApprovalCommand : OrderApprovalDecisionCmdlet
    {
        internal override ApprovalDecision Decision => ApprovalDecision.Reject;
        internal override string Verb => "Reject";
    }

    /// <summary>Revoke-MegaportOrderApproval: withdraws the company's own pending requests.</summary>
    [Cmdlet(VerbsSecurity.Revoke, "MegaportOrderApproval", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "ByObject")]
    [OutputType(typeof(void))]
    public sealed class RevokeMegaportOrderApprovalCommand : OrderApprovalDecisionCmdlet
    {
        internal override ApprovalDecision Decision => ApprovalDecision.Withdraw;
        internal override string Verb => "Withdraw";
    }
}
