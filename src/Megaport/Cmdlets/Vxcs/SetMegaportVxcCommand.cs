using System;
using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Set-MegaportVxc: changes a VXC (name, rate limit, VLANs, term, shutdown, moving an end), or approves or
    /// rejects a VXC another company ordered to one of your ports.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MegaportVxc", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeSet)]
    [OutputType(typeof(Vxc))]
    public sealed class SetMegaportVxcCommand : SetServiceCmdlet
    {
        const string ChangeSet = "Change";
        const string ApproveSet = "Approve";
        const string RejectSet = "Reject";

        [Parameter(ParameterSetName = ChangeSet)]
        [AllowEmptyString]
        public string? Name { get; set; }

        /// <summary>New rate limit in Mbps; at most the speed of either end.</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        public int RateLimit { get; set; }

        /// <summary>New A-End VLAN: 2-4093, -1 untagged, 0 lets Megaport choose.</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        public int AEndVlan { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        public int BEndVlan { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        public int AEndInnerVlan { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        public int BEndInnerVlan { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        [AllowEmptyString]
        public string? CostCentre { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        /// <summary>Shut the VXC down ($true) or bring it back up ($false).</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        public bool Shutdown { get; set; }

        /// <summary>Move the A-End to another of your ports (not between MCRs or MVEs: the API refuses that).</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string? AEndProductUid { get; set; }

        /// <summary>Move the B-End to another port.</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string? BEndProductUid { get; set; }

        /// <summary>Replace the A-End MCR's or NAT gateway's interfaces on this VXC (New-MegaportMcrInterfaceConfig).</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [McrConfigTransformation(typeof(McrInterfaceConfig))]
        public McrInterfaceConfig[]? AEndInterface { get; set; }

        /// <summary>Replace the B-End MCR's interfaces on this VXC.</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [McrConfigTransformation(typeof(McrInterfaceConfig))]
        public McrInterfaceConfig[]? BEndInterface { get; set; }

        /// <summary>Approve a VXC waiting for your approval.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ApproveSet)]
        public SwitchParameter Approve { get; set; }

        /// <summary>Reject a VXC waiting for your approval.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RejectSet)]
        public SwitchParameter Reject { get; set; }

        internal override ProductDescriptor Product => Products.Products.Vxc;
        internal override bool WaitsAfterChange => ParameterSetName != RejectSet;

        internal override void CheckInput()
        {
            base.CheckInput();
            if (Given(nameof(AEndVlan))) Check.Vlan(AEndVlan, nameof(AEndVlan));
            if (Given(nameof(BEndVlan))) Check.Vlan(BEndVlan, nameof(BEndVlan));
            if (Given(nameof(AEndInnerVlan))) Check.InnerVlan(AEndInnerVlan, nameof(AEndInnerVlan));
            if (Given(nameof(BEndInnerVlan))) Check.InnerVlan(BEndInnerVlan, nameof(BEndInnerVlan));
            if (Given(nameof(AEndProductUid))) Check.Uid(AEndProductUid, nameof(AEndProductUid));
            if (Given(nameof(BEndProductUid))) Check.Uid(BEndProductUid, nameof(BEndProductUid));
            if (Given(nameof(RateLimit))) Check.RateLimit(RateLimit);
        }

        internal override ServiceChange Describe(Service current, ChangeLines lines)
        {
            var vxc = (Vxc)current;
            var change = new VxcChange();
            if (ParameterSetName != ChangeSet)
            {
                if (!vxc.IsPendingApproval)
                    throw MegaportException.InvalidArgument($"VXC '{vxc.Name}' has no pending approval (approval status: {vxc.ApprovalStatus ?? "none"}).", vxc.ProductUid);
                change.IsApproved = Approve.IsPresent;
                lines.Add("Approval", vxc.ApprovalStatus, Approve ? "APPROVED" : "REJECTED");
                return change;
            }
            DescribeName(current, change, lines, Name);
            DescribeCostCentre(current, change, lines, CostCentre);
            DescribeTerm(current, change, lines, Term);
            if (Given(nameof(Shutdown))) { change.Shutdown = Shutdown; lines.Add("Shutdown", vxc.Shutdown, Shutdown); }
            if (Given(nameof(AEndVlan)) || Given(nameof(AEndInnerVlan)))
                RefuseAllocatedVlan(AEndProductUid ?? vxc.AEnd.ProductUid, "A-End", "-AEndVlan and -AEndInnerVlan", Given(nameof(AEndVlan)) ? AEndVlan : AEndInnerVlan);
            if (Given(nameof(BEndVlan)) || Given(nameof(BEndInnerVlan)))
                RefuseAllocatedVlan(BEndProductUid ?? vxc.BEnd.ProductUid, "B-End", "-BEndVlan and -BEndInnerVlan", Given(nameof(BEndVlan)) ? BEndVlan : BEndInnerVlan);
            if (Given(nameof(AEndVlan))) { change.AEndVlan = AEndVlan; lines.Add("AEndVlan", vxc.AEnd.Vlan, AEndVlan); }
            if (Given(nameof(BEndVlan))) { change.BEndVlan = BEndVlan; lines.Add("BEndVlan", vxc.BEnd.Vlan, BEndVlan); }
            if (Given(nameof(AEndInnerVlan))) { change.AEndInnerVlan = AEndInnerVlan; lines.Add("AEndInnerVlan", vxc.AEnd.InnerVlan, AEndInnerVlan); }
            if (Given(nameof(BEndInnerVlan))) { change.BEndInnerVlan = BEndInnerVlan; lines.Add("BEndInnerVlan", vxc.BEnd.InnerVlan, BEndInnerVlan); }
            if (Given(nameof(AEndProductUid))) { change.AEndProductUid = AEndProductUid; lines.Add("A-End", vxc.AEnd.ProductUid, AEndProductUid); }
            if (Given(nameof(BEndProductUid))) { change.BEndProductUid = BEndProductUid; lines.Add("B-End", vxc.BEnd.ProductUid, BEndProductUid); }
            if (AEndInterface is { Length: > 0 })
            {
                change.AEndConfig = RouterSide(AEndProductUid ?? vxc.AEnd.ProductUid, "A-End", "-AEndInterface", AEndInterface);
                lines.Add("A-End interfaces", "(as configured)", string.Join("; ", AEndInterface.Select(i => i.ToString())));
            }
            if (BEndInterface is { Length: > 0 })
            {
                change.BEndConfig = RouterSide(BEndProductUid ?? vxc.BEnd.ProductUid, "B-End", "-BEndInterface", BEndInterface);
                lines.Add("B-End interfaces", "(as configured)", string.Join("; ", BEndInterface.Select(i => i.ToString())));
            }
            if (Given(nameof(RateLimit)))
            {
                CheckEndSpeed(AEndProductUid ?? vxc.AEnd.ProductUid, "A-End");
                CheckEndSpeed(BEndProductUid ?? vxc.BEnd.ProductUid, "B-End");
                change.RateLimit = RateLimit;
                lines.Add("RateLimit", vxc.RateLimit, RateLimit);
            }
            return change;
        }

        VxcEndResolver? _resolver;
        VRouterEnds? _routers;

        /// <summary>
        /// The new vRouter side of an end: the end must be one of your MCRs or NAT gateways, its prefix lists (and a
        /// gateway's packet filters) resolved.
        /// </summary>
        VRouterPartnerConfig RouterSide(string? uid, string what, string parameter, McrInterfaceConfig[] interfaces)
        {
            if (uid == null) throw MegaportException.InvalidArgument($"The VXC's {what} is not known; {parameter} needs an MCR or NAT gateway there.", null);
            var resolver = _resolver ??= new VxcEndResolver(CurrentSession, Api);
            var routers = _routers ??= new VRouterEnds(Api);
            return Run(async ctx => await routers.InterfacesAsync(await resolver.OwnEndAsync(uid, what, ctx).ConfigureAwait(false), what, parameter, interfaces, ctx).ConfigureAwait(false));
        }

        /// <summary>An end whose kind has Megaport allocate its VLAN (a NAT gateway) takes none from a change either.</summary>
        void RefuseAllocatedVlan(string? uid, string what, string parameters, int value)
        {
            if (uid == null) return;
            var resolver = _resolver ??= new VxcEndResolver(CurrentSession, Api);
            var end = Run(ctx => resolver.OwnOrNullAsync(uid, ctx));
            if (end != null && Products.Products.Of(end).VRouter is { OrderedVlan: false })
                throw MegaportException.InvalidArgument($"The {what} '{end.Name}' is a {Products.Products.Of(end).Noun}: Megaport allocates its VLAN, so leave out {parameters}.", value);
        }

        /// <summary>The new rate limit must fit the end's port or MCR (partner ports: their maximum VXC speed).</summary>
        void CheckEndSpeed(string? uid, string what)
        {
            if (uid == null) return;
            var resolver = _resolver ??= new VxcEndResolver(CurrentSession, Api);
            var end = Run(ctx => resolver.EndLimitAsync(uid, ctx));
            if (end != null && end.Speed > 0 && RateLimit > end.Speed)
                throw MegaportException.InvalidArgument($"-RateLimit {RateLimit} Mbps is more than the {what} '{end.Name}' can carry ({end.Speed} Mbps).", RateLimit);
        }
    }
}
