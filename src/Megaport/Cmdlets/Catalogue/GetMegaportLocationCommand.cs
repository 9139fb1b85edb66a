using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Completers;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportLocation: the data centres where ports, MCRs and MVEs can be ordered.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportLocation", DefaultParameterSetName = FilterSet)]
    [OutputType(typeof(Location))]
    public sealed class GetMegaportLocationCommand : MegaportApiCmdlet
    {
        // -Location (names, ids or objects in one parameter, as the orders take it) is its own parameter set, so it
        // is never mixed with -Name or -Id; the other filters go with either.
        const string FilterSet = "Filter";
        const string LocationSet = "ByLocation";

        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = FilterSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = FilterSet)]
        [Alias("LocationId")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public int[]? Id { get; set; }

        /// <summary>Locations by name (wildcards allowed), id or Megaport.Location (or any object with a LocationId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LocationSet)]
        [LocationTransformation(AllowMany = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string[] Location { get; set; } = null!;

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Metro { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Country { get; set; }

        /// <summary>The two-letter market code (AU, US, UK, ...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Market { get; set; }

        /// <summary>Only locations offering this port speed (Mbps), in -DiversityZone when given.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(SpeedCompleter))]
        public int Speed { get; set; }

        [Parameter]
        [ValidateSet("red", "blue", IgnoreCase = true)]
        public string? DiversityZone { get; set; }

        /// <summary>Also locations that are not Active (Deployment, Restricted, Expired, ...).</summary>
        [Parameter]
        public SwitchParameter IncludeInactive { get; set; }

        /// <summary>Read the list from the API again instead of the session's cache.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        IReadOnlyList<Location>? _all;
        bool _nameGiven;

        protected override void Begin() => _nameGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Name));

        protected override void Process()
        {
            var session = CurrentSession;
            var api = Api;
            _all ??= Run(ctx => CatalogueCache.LocationsAsync(session, api, Force, ctx));

            // A pipeline object that carries a location id (a service, a partner port) is taken by its id, not by
            // its text; plain strings from the pipeline are names.
            var names = !_nameGiven && Id != null && MyInvocation.BoundParameters.ContainsKey(nameof(Id)) ? null : Name;
            var byName = Match(names, _all, (l, n) => Wildcards.Pattern(n)!.IsMatch(l.Name), n => Wildcards.IsPattern(n), n => LocationRules.NameNotFound(n, _all, "-Name"));
            var byId = Match(Id?.Select(i => i.ToString()).ToArray(), _all, (l, i) => l.Id.ToString() == i, _ => false,
                i => new MegaportException(ErrorIds.LocationNotFound, ErrorCategory.ObjectNotFound, $"No Megaport location matches '{i}'.", i)
                { RecommendedAction = "Get-MegaportLocation lists the locations and their ids." });
            var metro = Wildcards.Pattern(Metro);
            var country = Wildcards.Pattern(Country);
            // Inactive locations show when asked for exactly (an exact name or an id), not through a wildcard.
            var exactNames = names?.Where(n => !Wildcards.IsPattern(n)).ToArray();
            var asked = new HashSet<Location>(_all.Where(l =>
                (exactNames != null && exactNames.Any(n => string.Equals(n, l.Name, StringComparison.OrdinalIgnoreCase))) ||
                (Id != null && Id.Contains(l.Id))));
            var byLocation = ParameterSetName == LocationSet ? new HashSet<Location>() : null;
            if (byLocation != null)
            {
                foreach (var text in Location)
                {
                    try
                    {
                        var hits = LocationRules.Match(_all, text, patterns: true, out var exact);
                        byLocation.UnionWith(hits);
                        if (exact) asked.UnionWith(hits);
                    }
                    catch (MegaportException ex) { WriteError(ex); }
                }
            }

            foreach (var location in _all)
            {
                if (byName != null && !byName.Contains(location)) continue;
                if (byId != null && !byId.Contains(location)) continue;
                if (byLocation != null && !byLocation.Contains(location)) continue;
                if (!IncludeInactive && !location.IsActive && !asked.Contains(location)) continue;
                if (metro != null && !metro.IsMatch(location.Metro ?? "")) continue;
                if (country != null && !country.IsMatch(location.Country ?? "")) continue;
                if (Market != null && !string.Equals(location.Market, Market, StringComparison.OrdinalIgnoreCase)) continue;
                if (DiversityZone != null && !location.DiversityZones.Contains(DiversityZone, StringComparer.OrdinalIgnoreCase)) continue;
                if (Speed > 0 && !location.GetPortSpeeds(DiversityZone).Contains(Speed)) continue;
                WriteObject(location);
            }
        }

        /// <summary>The locations matching any of <paramref name="keys"/>; an exact key that matches nothing is a non-terminating error (<paramref name="notFound"/>).</summary>
        HashSet<Location>? Match(string[]? keys, IReadOnlyList<Location> all, Func<Location, string, bool> matches, Func<string, bool> isPattern, Func<string, MegaportException> notFound)
        {
            if (keys == null) return null;
            var found = new HashSet<Location>();
            foreach (var key in keys)
            {
                var hits = all.Where(l => matches(l, key)).ToList();
                if (hits.Count == 0 && !isPattern(key)) WriteError(notFound(key));
                found.UnionWith(hits);
            }
            return found;
        }
    }
}
