using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>Set-MegaportMcr: renames an MCR or changes its cost centre, marketplace visibility, term, ASN or IPsec add-on.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportMcr", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Mcr))]
    public sealed class SetMegaportMcrCommand : SetLocatedServiceCmdlet
    {
        /// <summary>A new BGP ASN for the MCR; the API refuses it while VXCs are attached.</summary>
        [Parameter]
        public long Asn { get; set; }

        /// <summary>The IPsec add-on's tunnel count: 10, 20 or 30 (adds or changes the add-on), or 0 (turns IPsec off).</summary>
        [Parameter]
        public int IpsecTunnelCount { get; set; }

        internal override ProductDescriptor Product => Products.Products.Mcr;
        internal override LocatedServiceChange NewChange() => new McrChange();

        internal override void CheckInput()
        {
            base.CheckInput();
            if (Given(nameof(Asn))) Check.Asn(Asn, nameof(Asn));
            if (Given(nameof(IpsecTunnelCount)) && IpsecTunnelCount is not (0 or 10 or 20 or 30))
                throw MegaportException.InvalidArgument($"-IpsecTunnelCount {IpsecTunnelCount} is not offered; use 10, 20 or 30, or 0 to turn IPsec off.", IpsecTunnelCount);
        }

        internal override void DescribeMore(Service current, LocatedServiceChange change, ChangeLines lines)
        {
            var mcr = (Mcr)current;
            if (Given(nameof(Asn)))
            {
                ((McrChange)change).Asn = Asn;
                lines.Add("Asn", mcr.Asn, Asn);
            }
            if (!Given(nameof(IpsecTunnelCount)) || IpsecTunnelCount == mcr.IpsecTunnelCount) return;
            if (mcr.IpsecAddOnUid != null && IpsecTunnelCount < mcr.IpsecTunnelCount)
            {
                var api = Api;
                var inUse = Run(ctx => api.GetIpsecTunnelsAsync(mcr.ProductUid, ctx)).Count;
                if (inUse > IpsecTunnelCount)
                    throw MegaportException.InvalidArgument(
                        $"MCR '{mcr.Name}' has {inUse} IPsec tunnels in use; remove those VXCs (and let them finish deprovisioning) before lowering the add-on to {IpsecTunnelCount}.", IpsecTunnelCount);
            }
            lines.Add("IpsecTunnelCount", mcr.IpsecTunnelCount, IpsecTunnelCount);
        }

        internal override async Task ApplyMoreAsync(MegaportApi api, Service current, CallContext ctx)
        {
            var mcr = (Mcr)current;
            if (!Given(nameof(IpsecTunnelCount)) || IpsecTunnelCount == mcr.IpsecTunnelCount) return;
            if (mcr.IpsecAddOnUid == null) await api.AddIpsecAsync(mcr.ProductUid, IpsecTunnelCount, ctx).ConfigureAwait(false);
            else await api.ChangeIpsecAsync(mcr.ProductUid, mcr.IpsecAddOnUid, IpsecTunnelCount, ctx).ConfigureAwait(false);
        }
    }

    /// <summary>Get-MegaportMcrIpsec: the IPsec tunnels configured on MCRs, one object per tunnel (never a pre-shared key).</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMcrIpsec")]
    [OutputType(typeof(McrIpsecTunnel))]
    public sealed class GetMegaportMcrIpsecCommand : ServicesCmdlet
    {
        protected override void ProcessItem() => Each(ProductUid, uid =>
        {
            Check.Uid(uid, nameof(ProductUid));
            var api = Api;
            WriteObject(Run(async ctx =>
            {
                var service = await api.GetServiceAsync(uid, ctx).ConfigureAwait(false);
                if (service is not Mcr) throw MegaportException.InvalidArgument($"'{service.Name}' ({uid}) is a {service.ProductType}; IPsec tunnels belong to MCRs.", uid);
                return await api.GetIpsecTunnelsAsync(uid, ctx).ConfigureAwait(false);
            }), enumerateCollection: true);
        });
    }
}
