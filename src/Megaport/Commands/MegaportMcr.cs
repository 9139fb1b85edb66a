using System.Collections;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;
using Megaport.Completers;
using Megaport.Infrastructure;

namespace Megaport.Commands
{
    /// <summary>New-MegaportMcr: orders a Megaport Cloud Router, which can be the A-End of VXCs to clouds and ports.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportMcr", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Mcr))]
    public sealed class NewMegaportMcrCommand : OrderCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Name { get; set; } = null!;

        /// <summary>Where: a location id, or a Megaport.Location from the pipeline (its Id).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public int LocationId { get; set; }

        /// <summary>MCR speed in Mbps: 1000, 2500, 5000, 10000, 25000, 50000 or 100000, as offered at the location.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(SpeedCompleter))]
        public int Speed { get; set; }

        /// <summary>Contract term in months: 1, 12, 24, 36, 48 or 60.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        /// <summary>The MCR's BGP ASN; Megaport's default is 133937.</summary>
        [Parameter]
        public long Asn { get; set; }

        [Parameter]
        [ValidateSet("red", "blue", IgnoreCase = true)]
        public string? DiversityZone { get; set; }

        /// <summary>Add the IPsec add-on with this many tunnels: 10, 20 or 30.</summary>
        [Parameter]
        public int IpsecTunnelCount { get; set; }

        [Parameter]
        public SwitchParameter MarketplaceVisibility { get; set; }

        [Parameter]
        public string? CostCentre { get; set; }

        [Parameter]
        public string? PromoCode { get; set; }

        [Parameter]
        public Hashtable? Tag { get; set; }

        protected override void ProcessItem()
        {
            Check.Name(Name);
            Check.Term(Term);
            Check.CostCentre(CostCentre);
            Check.Text(PromoCode, nameof(PromoCode));
            OrderBuilder.Tags(Tag);
            if (!Check.McrSpeeds.Contains(Speed))
                throw MegaportException.InvalidArgument($"-Speed {Speed} is not an MCR speed; use one of {string.Join(", ", Check.McrSpeeds)} (Mbps).", Speed);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Asn))) Check.Asn(Asn, nameof(Asn));
            if (MyInvocation.BoundParameters.ContainsKey(nameof(IpsecTunnelCount)) && IpsecTunnelCount is not (10 or 20 or 30))
                throw MegaportException.InvalidArgument($"-IpsecTunnelCount {IpsecTunnelCount} is not offered; use 10, 20 or 30.", IpsecTunnelCount);

            var location = Locations.Resolve(this, LocationId);
            var zone = DiversityZone?.ToLowerInvariant();
            Locations.CheckZone(location, zone);
            var offered = location.GetMcrSpeeds(zone);
            if (!offered.Contains(Speed))
                throw MegaportException.InvalidArgument(
                    $"{location.Name} ({location.Id}) does not offer {Speed} Mbps MCRs{(zone != null ? $" in the {zone} zone" : "")}; it offers {(offered.Length == 0 ? "none" : string.Join(", ", offered))} Mbps.", Speed);

            Order(OrderBuilder.Mcr(Name, location, Speed, Term, zone, Asn, IpsecTunnelCount,
                MarketplaceVisibility.IsPresent ? true : null, CostCentre, PromoCode, Tag));
        }
    }

    /// <summary>Set-MegaportMcr: renames an MCR or changes its cost centre, marketplace visibility, term or ASN.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportMcr", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Mcr))]
    public sealed class SetMegaportMcrCommand : SetServiceCmdlet
    {
        [Parameter]
        [AllowEmptyString]
        public string? Name { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? CostCentre { get; set; }

        [Parameter]
        public bool MarketplaceVisibility { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        /// <summary>A new BGP ASN for the MCR (changed in place; its BGP sessions restart).</summary>
        [Parameter]
        public long Asn { get; set; }

        internal override string Noun => "MCR";
        internal override bool Accepts(Service service) => service is Mcr;

        internal override void CheckInput()
        {
            base.CheckInput();
            if (Given(nameof(Asn))) Check.Asn(Asn, nameof(Asn));
        }

        internal override void Describe(Service current, Changes changes)
        {
            var mcr = (Mcr)current;
            AddName(current, changes, Name);
            AddCostCentre(current, changes, CostCentre);
            if (Given(nameof(MarketplaceVisibility)))
                changes.Add("marketplaceVisibility", MarketplaceVisibility, "MarketplaceVisibility", mcr.MarketplaceVisibility, MarketplaceVisibility);
            AddTerm(current, changes, Term);
            if (Given(nameof(Asn))) changes.Add("asn", Asn, "Asn", mcr.Asn, Asn);
        }
    }
}
