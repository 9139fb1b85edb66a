using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Ordering;
using Megaport.Products;

namespace Megaport.Cmdlets
{
    /// <summary>Set-MegaportMcr: renames an MCR or changes its cost centre, marketplace visibility, term or ASN.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportMcr", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Mcr))]
    public sealed class SetMegaportMcrCommand : SetLocatedServiceCmdlet
    {
        /// <summary>A new BGP ASN for the MCR (changed in place; its BGP sessions restart).</summary>
        [Parameter]
        public long Asn { get; set; }

        internal override ProductDescriptor Product => Products.Products.Mcr;
        internal override LocatedServiceChange NewChange() => new McrChange();

        internal override void CheckInput()
        {
            base.CheckInput();
            if (Given(nameof(Asn))) Check.Asn(Asn, nameof(Asn));
        }

        internal override void DescribeMore(Service current, LocatedServiceChange change, ChangeLines lines)
        {
            if (!Given(nameof(Asn))) return;
            ((McrChange)change).Asn = Asn;
            lines.Add("Asn", ((Mcr)current).Asn, Asn);
        }
    }
}
