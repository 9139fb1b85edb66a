using System.Management.Automation;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Completers;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Test-MegaportVlan: $true when a VLAN is free on a port, so a VXC or IX can use it.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "MegaportVlan")]
    [OutputType(typeof(bool))]
    public sealed class TestMegaportVlanCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "PortUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string ProductUid { get; set; } = null!;

        /// <summary>The VLAN to check, 2-4093.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        public int Vlan { get; set; }

        protected override void ProcessItem()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            if (Vlan < 2 || Vlan > 4093)
                throw MegaportException.InvalidArgument($"-Vlan {Vlan} is out of range; a port's VLANs are 2-4093.", Vlan);
            var api = Api;
            WriteObject(Run(async ctx =>
            {
                // The API's VLAN check is for ports only; say so plainly for anything else.
                var service = await api.GetServiceAsync(ProductUid, ctx).ConfigureAwait(false);
                if (service is not Port)
                    throw MegaportException.InvalidArgument($"'{service.Name}' ({ProductUid}) is a {service.ProductType}; VLAN availability is checked on ports.", ProductUid);
                return await api.IsVlanAvailableAsync(ProductUid, Vlan, ctx).ConfigureAwait(false);
            }));
        }
    }
}
