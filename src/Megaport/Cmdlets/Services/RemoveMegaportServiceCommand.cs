using System.Linq;
using System.Management.Automation;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Remove-MegaportService: cancels services, at the end of their term (CANCEL) or at once with -Now
    /// (CANCEL_NOW). Ports, LAGs, MCRs, MVEs, NAT gateways and Internet VXCs can only be removed at once; a design
    /// that was never bought (a NAT gateway in DESIGN) is deleted.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MegaportService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Service))]
    public sealed class RemoveMegaportServiceCommand : ServicesCmdlet
    {
        /// <summary>Remove at once (CANCEL_NOW) instead of at the end of the term; early-termination charges may apply.</summary>
        [Parameter]
        public SwitchParameter Now { get; set; }

        /// <summary>Refuse to remove a port, MCR or MVE that still has VXCs or IXs attached.</summary>
        [Parameter]
        public SwitchParameter SafeDelete { get; set; }

        /// <summary>Do not ask for confirmation (-WhatIf still only shows what would happen).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit each service as it is after the removal (CANCELLED or DECOMMISSIONED).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem() => Each(ProductUid, uid =>
        {
            Check.Uid(uid, nameof(ProductUid));
            var api = Api;
            var (service, attached) = Run(ctx => api.GetServiceWithAttachedAsync(uid, ctx));
            var product = Products.Products.Of(service);
            var kind = product.DisplayKind(service);
            if (service.ProvisioningStatus == ProvisioningStatuses.Decommissioned)
                throw MegaportException.InvalidArgument($"The {kind} '{service.Name}' ({uid}) is already DECOMMISSIONED.", uid);
            if (service.ProvisioningStatus == ProvisioningStatuses.Design && product.DesignPath != null)
            {
                // Never bought: nothing to cancel, and nothing is charged for deleting it.
                if (!ShouldChange($"{kind} '{service.Name}' ({uid})", "Delete the design (never bought)", Force)) return;
                Run(ctx => api.DeleteDesignAsync(product, uid, ctx));
                WriteVerbose($"Deleted the {kind} '{service.Name}' ({uid}).");
                return;
            }
            if (!Now)
            {
                if (product.ImmediateRemovalOnly(service) is string only)
                    throw MegaportException.InvalidArgument(
                        $"The {kind} '{service.Name}' ({uid}) cannot be cancelled at the end of its term; Megaport removes {only} only at once: use -Now.", uid);
                if (service.ProvisioningStatus == ProvisioningStatuses.Cancelled)
                    throw MegaportException.InvalidArgument(
                        $"The {kind} '{service.Name}' ({uid}) is already CANCELLED (ends with its term). Restore-MegaportService undoes that; -Now removes it at once.", uid);
            }
            var attachedText = attached.Count == 0 ? "" :
                $" with {attached.Count} attached service{(attached.Count == 1 ? "" : "s")}: {string.Join(", ", attached.Select(a => $"{KindOf(a)} '{a.Name}'"))}";
            if (SafeDelete && attached.Count > 0)
                throw MegaportException.InvalidArgument($"-SafeDelete: the {kind} '{service.Name}' ({uid}) still has{attachedText.Substring(5)}. Remove those first, or leave out -SafeDelete.", uid);

            var action = Now ? ServiceAction.CancelNow : ServiceAction.Cancel;
            var what = Now ? "Remove now (CANCEL_NOW; early-termination charges may apply)" : "Cancel at the end of its term (CANCEL)";
            if (!ShouldChange($"{kind} '{service.Name}' ({uid}){attachedText}", what, Force)) return;
            Run(ctx => api.ActionAsync(uid, action, SafeDelete, ctx));
            WriteVerbose($"{MegaportApi.ActionName(action)} {kind} '{service.Name}' ({uid}).");
            if (PassThru) WriteObject(Run(ctx => api.GetServiceAsync(uid, ctx)));
        });
    }
}
