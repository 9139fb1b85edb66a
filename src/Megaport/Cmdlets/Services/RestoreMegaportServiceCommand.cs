using System.Management.Automation;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;

namespace Megaport.Cmdlets
{
    /// <summary>Restore-MegaportService: takes back a cancellation scheduled with Remove-MegaportService (UN_CANCEL).</summary>
    [Cmdlet(VerbsData.Restore, "MegaportService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Service))]
    public sealed class RestoreMegaportServiceCommand : ServicesCmdlet
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem() => Each(ProductUid, uid =>
        {
            Check.Uid(uid, nameof(ProductUid));
            var api = Api;
            var service = Run(ctx => api.GetServiceAsync(uid, ctx));
            if (service.ProvisioningStatus != ProvisioningStatuses.Cancelled)
                throw MegaportException.InvalidArgument(
                    $"'{service.Name}' ({uid}) is {service.ProvisioningStatus}; only a CANCELLED service (cancelled for the end of its term) can be restored.", uid);
            if (!ShouldChange($"{KindOf(service)} '{service.Name}' ({uid})", "Restore (UN_CANCEL)")) return;
            Run(ctx => api.ActionAsync(uid, ServiceAction.UnCancel, false, ctx));
            if (PassThru) WriteObject(Run(ctx => api.GetServiceAsync(uid, ctx)));
        });
    }
}
