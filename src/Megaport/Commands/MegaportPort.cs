using System.Collections;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;
using Megaport.Completers;
using Megaport.Infrastructure;

namespace Megaport.Commands
{
    /// <summary>New-MegaportPort: orders a Megaport (a physical port), or a LAG of them with -LagCount.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Port))]
    public sealed class NewMegaportPortCommand : OrderCmdlet
    {
        /// <summary>The port's name, 1-64 characters.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Name { get; set; } = null!;

        /// <summary>Where: a location id, or a Megaport.Location from the pipeline (its Id).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public int LocationId { get; set; }

        /// <summary>Port speed in Mbps: 1000, 10000, 100000 or 400000, as offered at the location.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(SpeedCompleter))]
        public int Speed { get; set; }

        /// <summary>Contract term in months: 1, 12, 24, 36, 48 or 60.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        [Parameter]
        [ValidateSet("red", "blue", IgnoreCase = true)]
        public string? DiversityZone { get; set; }

        /// <summary>List the port in the Megaport marketplace.</summary>
        [Parameter]
        public SwitchParameter MarketplaceVisibility { get; set; }

        [Parameter]
        public string? CostCentre { get; set; }

        [Parameter]
        public string? PromoCode { get; set; }

        /// <summary>Resource tags as a hashtable of key = value.</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>Order a LAG with this many member ports (1-8) instead of a single port.</summary>
        [Parameter]
        public int LagCount { get; set; }

        protected override void ProcessItem()
        {
            Check.Name(Name);
            Check.Term(Term);
            Check.CostCentre(CostCentre);
            Check.Text(PromoCode, nameof(PromoCode));
            OrderBuilder.Tags(Tag); // tags must be convertible
            var lag = MyInvocation.BoundParameters.ContainsKey(nameof(LagCount));
            if (lag && (LagCount < 1 || LagCount > 8))
                throw MegaportException.InvalidArgument($"-LagCount {LagCount} is out of range; a LAG has 1 to 8 ports.", LagCount);
            var speeds = lag ? Check.LagSpeeds : Check.PortSpeeds;
            if (!speeds.Contains(Speed))
                throw MegaportException.InvalidArgument($"-Speed {Speed} is not a {(lag ? "LAG" : "port")} speed; use one of {string.Join(", ", speeds)} (Mbps).", Speed);

            var location = Locations.Resolve(this, LocationId);
            var zone = DiversityZone?.ToLowerInvariant();
            Locations.CheckZone(location, zone);
            var offered = location.GetPortSpeeds(zone);
            if (!offered.Contains(Speed))
                throw MegaportException.InvalidArgument(
                    $"{location.Name} ({location.Id}) does not offer {Speed} Mbps ports{(zone != null ? $" in the {zone} zone" : "")}; it offers {(offered.Length == 0 ? "none" : string.Join(", ", offered))} Mbps.", Speed);

            Order(OrderBuilder.Port(Name, location, Speed, Term, zone, MarketplaceVisibility, CostCentre, PromoCode, Tag, lag ? LagCount : 0));
        }
    }

    /// <summary>Set-MegaportPort: renames a port or changes its cost centre, marketplace visibility or term.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Port))]
    public sealed class SetMegaportPortCommand : SetServiceCmdlet
    {
        [Parameter]
        [AllowEmptyString]
        public string? Name { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? CostCentre { get; set; }

        [Parameter]
        public bool MarketplaceVisibility { get; set; }

        /// <summary>New contract term in months: 1, 12, 24, 36, 48 or 60.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        internal override string Noun => "port";
        internal override bool Accepts(Service service) => service is Port;

        internal override void Describe(Service current, Changes changes)
        {
            var port = (Port)current;
            AddName(current, changes, Name);
            AddCostCentre(current, changes, CostCentre);
            if (Given(nameof(MarketplaceVisibility)))
                changes.Add("marketplaceVisibility", MarketplaceVisibility, "MarketplaceVisibility", port.MarketplaceVisibility, MarketplaceVisibility);
            AddTerm(current, changes, Term);
        }
    }
}
