using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Get-MegaportService: the services on the account (ports, VXCs, IXs, MCRs, MVEs, and any other product type),
    /// or the ones named by UID. Each comes out as its own type (Megaport.Port, Megaport.Vxc, ...).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MegaportService", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Service))]
    public sealed class GetMegaportServiceCommand : MegaportApiCmdlet
    {
        const string ListSet = "List";
        const string UidSet = "ByUid";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid", "TechnicalServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string[] ProductUid { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string? Name { get; set; }

        /// <summary>Only these kinds of product (the names of the product registry: Port, Vxc, Ix, Mcr, Mve, Service).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateProductType]
        [ArgumentCompleter(typeof(ProductTypeCompleter))]
        public string[]? ProductType { get; set; }

        /// <summary>Also DECOMMISSIONED and CANCELLED services (always shown when asked for by UID).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeInactive { get; set; }

        protected override void Process()
        {
            if (ParameterSetName != UidSet) return;
            ForEachProductUid(ProductUid, (api, uid, ctx) => api.GetServiceAsync(uid, ctx), (_, service) => WriteObject(service));
        }

        protected override void End()
        {
            if (ParameterSetName != ListSet) return;
            var session = CurrentSession;
            var api = Api;
            var name = Wildcards.Pattern(Name);
            var kinds = ProductType?.Select(t => Products.Products.Named(t)!).ToList();
            var seen = new List<KeyValuePair<string, string>>();
            Run(ctx => api.StreamServicesAsync(service =>
            {
                seen.Add(new KeyValuePair<string, string>(service.ProductUid, service.Name));
                if (!IncludeInactive && service.IsInactive) return;
                if (name != null && !name.IsMatch(service.Name)) return;
                if (kinds != null && !kinds.Contains(Products.Products.Of(service))) return;
                Emit(service);
            }, ctx));
            session.ServiceNames = new CachedList<KeyValuePair<string, string>>(seen);
        }
    }
}
