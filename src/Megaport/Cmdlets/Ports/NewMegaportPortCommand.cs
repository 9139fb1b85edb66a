using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;

namespace Megaport.Cmdlets
{
    /// <summary>New-MegaportPort: orders a Megaport (a physical port), or a LAG of them with -LagCount.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportPort", DefaultParameterSetName = ByLocationId, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
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
            var tags = CheckShared();
            var lag = Given(nameof(LagCount));
            if (lag && (LagCount < 1 || LagCount > 8))
                throw MegaportException.InvalidArgument($"-LagCount {LagCount} is out of range; a LAG has 1 to 8 ports.", LagCount);
            var speeds = lag ? PortProduct.LagSpeeds : PortProduct.Speeds;
            if (!speeds.Contains(Speed))
                throw MegaportException.InvalidArgument($"-Speed {Speed} is not a {(lag ? "LAG" : "port")} speed; use one of {string.Join(", ", speeds)} (Mbps).", Speed);

            var location = ResolveLocation(Products.Products.Port, Speed);
            var line = new PortOrder
            {
                Name = Name,
                Term = Term,
                Speed = Speed,
                LocationId = location.Id,
                Market = location.Market ?? "",
                MarketplaceVisibility = MarketplaceVisibility,
                Config = new ZoneConfig { DiversityZone = Zone },
                LagPortCount = lag ? LagCount : null,
                CostCentre = string.IsNullOrEmpty(CostCentre) ? null : CostCentre,
                PromoCode = string.IsNullOrEmpty(PromoCode) ? null : PromoCode,
                Tags = tags,
            };
            var what = lag ? $"LAG '{Name}' of {LagCount} x {Speed} Mbps ports" : $"port '{Name}' ({Speed} Mbps)";
            Order(new OrderItem(Products.Products.Port, Name, line, $"{what} {Where(location)}", lag ? LagCount : 1));
        }
    }

    /// <summary>Set-MegaportPort: renames a port or changes its cost centre, marketplace visibility or term.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Port))]
    public sealed class SetMegaportPortCommand : SetLocatedServiceCmdlet
    {
        internal override ProductDescriptor Product => Products.Products.Port;
        internal override LocatedServiceChange NewChange() => new();
    }
}
