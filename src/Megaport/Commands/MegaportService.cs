using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;
using Megaport.Infrastructure;

namespace Megaport.Commands
{
    /// <summary>
    /// Get-MegaportService: the services on the account (ports, VXCs, IXs, MCRs, MVEs, and any other product type),
    /// or the ones named by UID.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MegaportService", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Port), typeof(Vxc), typeof(Ix), typeof(Mcr), typeof(Mve), typeof(Service))]
    public sealed class GetMegaportServiceCommand : MegaportApiCmdlet
    {
        const string ListSet = "List";
        const string UidSet = "ByUid";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid", "TechnicalServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        public string[] ProductUid { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Port", "Vxc", "Ix", "Mcr", "Mve", IgnoreCase = true)]
        public string[]? ProductType { get; set; }

        /// <summary>Also DECOMMISSIONED and CANCELLED services (always shown when asked for by UID).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeInactive { get; set; }

        protected override void Process()
        {
            if (ParameterSetName != UidSet) return;
            var api = Api;
            foreach (var uid in ProductUid)
            {
                if (!Wildcards.IsValidUid(uid))
                {
                    WriteError(MegaportException.InvalidArgument(
                        $"'{uid}' is not a product UID (letters, digits and hyphens; wildcards belong in -Name).", uid));
                    continue;
                }
                try
                {
                    WriteObject(Run(ctx => api.GetServiceAsync(uid, ctx)));
                }
                catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
                {
                    WriteError(ex);
                }
            }
        }

        protected override void End()
        {
            if (ParameterSetName != ListSet) return;
            var session = CurrentSession;
            var api = Api;
            var name = Wildcards.Pattern(Name);
            var types = ProductType?.Select(TypeOf).ToArray();
            var seen = new List<KeyValuePair<string, string>>();
            Run(ctx => api.StreamServicesAsync(service =>
            {
                seen.Add(new KeyValuePair<string, string>(service.ProductUid, service.Name));
                if (!IncludeInactive && service.IsInactive) return;
                if (name != null && !name.IsMatch(service.Name)) return;
                if (types != null && !types.Contains(service.GetType())) return;
                Emit(service);
            }, ctx));
            session.ServiceNames = new CachedList<KeyValuePair<string, string>>(seen);
        }

        static Type TypeOf(string productType) => productType.ToUpperInvariant() switch
        {
            "PORT" => typeof(Port),
            "VXC" => typeof(Vxc),
            "IX" => typeof(Ix),
            "MCR" => typeof(Mcr),
            _ => typeof(Mve),
        };
    }

    /// <summary>Wait-MegaportService: waits until services are provisioned (after -NoWait, a change, or an approval).</summary>
    [Cmdlet(VerbsLifecycle.Wait, "MegaportService")]
    [OutputType(typeof(Port), typeof(Vxc), typeof(Ix), typeof(Mcr), typeof(Mve), typeof(Service))]
    public sealed class WaitMegaportServiceCommand : MegaportApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid", "TechnicalServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
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
            var api = Api;
            foreach (var uid in ProductUid)
            {
                if (!Wildcards.IsValidUid(uid))
                {
                    WriteError(MegaportException.InvalidArgument($"'{uid}' is not a product UID.", uid));
                    continue;
                }
                try
                {
                    _services.Add(Run(ctx => api.GetServiceAsync(uid, ctx)));
                }
                catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
                {
                    WriteError(ex);
                }
            }
        }

        protected override void End()
        {
            if (_services.Count == 0) return;
            Waiting.Run(this, Api, _services, string.Equals(Status, "Live", StringComparison.OrdinalIgnoreCase), Timeout);
        }
    }
}
