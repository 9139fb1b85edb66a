using System.Collections;
using System.Management.Automation;
using Megaport.Client;
using Megaport.Completers;

namespace Megaport.Infrastructure
{
    /// <summary>Orders of something that sits at a location (a port or LAG, an MCR, an MVE): the parameters they share.</summary>
    public abstract class LocatedOrderCmdlet : OrderCmdlet
    {
        /// <summary>The service's name, 1-64 characters.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Name { get; set; } = null!;

        /// <summary>Where: a location id, or a Megaport.Location from the pipeline (its Id).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public int LocationId { get; set; }

        /// <summary>Contract term in months: 1, 12, 24, 36, 48 or 60.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        [Parameter]
        [ValidateSet("red", "blue", IgnoreCase = true)]
        public string? DiversityZone { get; set; }

        [Parameter]
        public string? CostCentre { get; set; }

        [Parameter]
        public string? PromoCode { get; set; }

        /// <summary>Resource tags as a hashtable of key = value.</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        internal string? Zone => DiversityZone?.ToLowerInvariant();

        /// <summary>The shared fields, checked before any request.</summary>
        internal void CheckShared()
        {
            Check.Name(Name);
            Check.Term(Term);
            Check.CostCentre(CostCentre);
            Check.Text(PromoCode, nameof(PromoCode));
            OrderBuilder.Tags(Tag); // tags must be convertible
        }

        /// <summary>The location (from the session's cache) and the zone asked for, or a clear error.</summary>
        internal Location ResolveLocation()
        {
            var location = Locations.Resolve(this, LocationId);
            Locations.CheckZone(location, Zone);
            return location;
        }
    }
}
