using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;

namespace Megaport.Cmdlets
{
    /// <summary>New-MegaportMcr: orders a Megaport Cloud Router, which can be the A-End of VXCs to clouds and ports.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportMcr", DefaultParameterSetName = ByLocationId, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Mcr))]
    public sealed class NewMegaportMcrCommand : LocatedOrderCmdlet
    {
        /// <summary>MCR speed in Mbps: 1000, 2500, 5000, 10000, 25000, 50000 or 100000, as offered at the location.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(SpeedCompleter))]
        public int Speed { get; set; }

        /// <summary>The MCR's BGP ASN; Megaport's default is 133937.</summary>
        [Parameter]
        public long Asn { get; set; }

        /// <summary>Add the IPsec add-on with this many tunnels: 10, 20 or 30.</summary>
        [Parameter]
        public int IpsecTunnelCount { get; set; }

        [Parameter]
        public SwitchParameter MarketplaceVisibility { get; set; }

        protected override void ProcessItem()
        {
            var tags = CheckShared();
            if (!McrProduct.Speeds.Contains(Speed))
                throw MegaportException.InvalidArgument($"-Speed {Speed} is not an MCR speed; use one of {string.Join(", ", McrProduct.Speeds)} (Mbps).", Speed);
            if (Given(nameof(Asn))) Check.Asn(Asn, nameof(Asn));
            if (Given(nameof(IpsecTunnelCount)) && IpsecTunnelCount is not (10 or 20 or 30))
                throw MegaportException.InvalidArgument($"-IpsecTunnelCount {IpsecTunnelCount} is not offered; use 10, 20 or 30.", IpsecTunnelCount);

            var location = ResolveLocation(Products.Products.Mcr, Speed);
            var line = new McrOrder
            {
                LocationId = location.Id,
                Name = Name,
                Term = Term,
                Speed = Speed,
                CostCentre = CostCentre ?? "",
                Config = new McrConfig { Asn = Asn > 0 ? Asn : null, DiversityZone = Zone },
                MarketplaceVisibility = MarketplaceVisibility.IsPresent ? true : null,
                AddOns = IpsecTunnelCount > 0 ? new[] { McrAddOn.Ipsec(IpsecTunnelCount) } : null,
                PromoCode = string.IsNullOrEmpty(PromoCode) ? null : PromoCode,
                Tags = tags,
            };
            var asn = Asn > 0 ? Asn.ToString(CultureInfo.InvariantCulture) : "133937 (default)";
            var ipsec = IpsecTunnelCount > 0 ? $", {IpsecTunnelCount} IPsec tunnels" : "";
            Order(new OrderItem(Products.Products.Mcr, Name, line, $"MCR '{Name}' ({Speed} Mbps, ASN {asn}{ipsec}) {Where(location)}"));
        }
    }
}
