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
    public sealed class NewMegaportPortCommand : LocatedOrderCmdlet
    {
        /// <summary>Port speed in Mbps: 1000, 10000, 100000 or 400000, as offered at the location.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(SpeedCompleter))]
        public int Speed { get; set; }

        /// <summary>List the port in the Megaport marketplace.</summary>
        [Parameter]
        public SwitchParameter MarketplaceVisibility { get; set; }

        /// <summary>Order a LAG with this many member ports (1-8) instead of a single port.</summary>
        [Parameter]
        public int LagCount { get; set; }

        protected override void ProcessItem()
        {
            CheckShared();
            var lag = MyInvocation.BoundParameters.ContainsKey(nameof(LagCount));
            if (lag && (LagCount < 1 || LagCount > 8))
                throw MegaportException.InvalidArgument($"-LagCount {LagCount} is out of range; a LAG has 1 to 8 ports.", LagCount);
            var speeds = lag ? Check.LagSpeeds : Check.PortSpeeds;
            if (!speeds.Contains(Speed))
                throw MegaportException.InvalidArgument($"-Speed {Speed} is not a {(lag ? "LAG" : "port")} speed; use one of {string.Join(", ", speeds)} (Mbps).", Speed);

            var location = ResolveLocation();
            var zone = Zone;
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
    public sealed class SetMegaportPortCommand : SetPortLikeCmdlet
    {
        internal override string Noun => "port";
        internal override bool Accepts(Service service) => service is Port;
    }
}
