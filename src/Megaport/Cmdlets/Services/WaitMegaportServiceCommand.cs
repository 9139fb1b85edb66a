using System;
using System.Collections.Generic;
using System.Management.Automation;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Wait-MegaportService: waits until services are provisioned (after -NoWait, a change, or an approval).</summary>
    [Cmdlet(VerbsLifecycle.Wait, "MegaportService")]
    [OutputType(typeof(Service))]
    public sealed class WaitMegaportServiceCommand : MegaportApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid", "TechnicalServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string[] ProductUid { get; set; } = null!;

        /// <summary>How long to wait: a TimeSpan or a number of minutes (default 15).</summary>
        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>Configured (default) accepts CONFIGURED or LIVE; Live waits for LIVE.</summary>
        [Parameter]
        [ValidateSet("Configured", "Live", IgnoreCase = true)]
        public string Status { get; set; } = "Configured";

        readonly List<Service> _services = new();

        protected override void Process()
        {
            ForEachProductUid(ProductUid, (api, uid, ctx) => api.GetServiceAsync(uid, ctx), (uid, service) =>
            {
                // A design is not provisioning and never will until it is bought: waiting for it would only time out.
                if (service.ProvisioningStatus == ProvisioningStatuses.Design)
                    WriteError(MegaportException.InvalidArgument(
                        $"'{service.Name}' ({uid}) is a DESIGN that was never bought, so nothing provisions it (Remove-MegaportService deletes it).", uid));
                else _services.Add(service);
            });
        }

        protected override void End()
        {
            if (_services.Count == 0) return;
            Waiting.Run(this, Api, _services, string.Equals(Status, "Live", StringComparison.OrdinalIgnoreCase), Timeout, emit: true);
        }
    }
}
