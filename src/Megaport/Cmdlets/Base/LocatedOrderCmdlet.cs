using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Ordering;
using Megaport.Products;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Orders of something that sits at a location (a port or LAG, an MCR, an MVE): the parameters they share.</summary>
    public abstract class LocatedOrderCmdlet : OrderCmdlet
    {
        /// <summary>The service's name, 1-64 characters.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Name { get; set; } = null!;

        // -LocationId and -Location are two parameter sets, so giving both or neither is a binding error and the
        // help shows two honest syntaxes. The derived cmdlets name ByLocationId their default set.
        internal const string ByLocationId = "ByLocationId";
        internal const string ByLocation = "ByLocation";

        /// <summary>Where: a location id, or a Megaport.Location from the pipeline (its Id).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByLocationId)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public int LocationId { get; set; }

        /// <summary>Where: a location's exact name (any case), its id, or a Megaport.Location (or any object with a LocationId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByLocation)]
        [LocationTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string Location { get; set; } = null!;

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

        /// <summary>Resource tags as key = value: a hashtable, an ordered dictionary or an object with properties.</summary>
        [Parameter]
        [DictionaryTransformation]
        public IDictionary? Tag { get; set; }

        internal string? Zone => DiversityZone?.ToLowerInvariant();

        /// <summary>The shared fields, checked before any request; returns the tags as the API takes them.</summary>
        internal IReadOnlyList<ResourceTag>? CheckShared()
        {
            Check.Name(Name);
            Check.Term(Term);
            Check.CostCentre(CostCentre);
            Check.Text(PromoCode, nameof(PromoCode));
            return Tags.Of(Tag);
        }

        /// <summary>The location (from the session's cache) and the zone asked for, or a clear error.</summary>
        internal Location ResolveLocation()
        {
            var session = CurrentSession;
            var api = Api;
            var all = Run(ctx => CatalogueCache.LocationsAsync(session, api, false, ctx));
            var location = ParameterSetName == ByLocation ? LocationRules.Single(all, Location) : LocationRules.Find(all, LocationId);
            LocationRules.CheckZone(location, Zone);
            return location;
        }

        /// <summary>The location, checked to offer <paramref name="speed"/> Mbps of <paramref name="product"/> in the zone asked for.</summary>
        internal Location ResolveLocation(ProductDescriptor product, int speed)
        {
            var location = ResolveLocation();
            LocationRules.CheckSpeed(location, product, speed, Zone);
            return location;
        }

        internal static string ZoneText(string? zone) => zone == null ? "" : $", {zone} zone";

        /// <summary>"at Global Switch Sydney (3), red zone, 12 months".</summary>
        internal string Where(Location location) => $"at {location.Name} ({location.Id}){ZoneText(Zone)}, {OrderItem.Months(Term)}";
    }
}
