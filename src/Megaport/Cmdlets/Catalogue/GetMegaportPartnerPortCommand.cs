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
    /// <summary>Get-MegaportPartnerPort: cloud and marketplace ports a VXC can be ordered to (AWS, Azure, Google, ...).</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportPartnerPort", DefaultParameterSetName = ByLocationId)]
    [OutputType(typeof(PartnerPort))]
    public sealed class GetMegaportPartnerPortCommand : MegaportApiCmdlet
    {
        /// <summary>AWS (hosted VIF), AWSHC (hosted connection), AZURE, GOOGLE, ORACLE, IBM, TRANSIT (Internet), DEFAULT (marketplace), ...</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectTypeCompleter))]
        public string[]? ConnectType { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? CompanyName { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerPortCompleter))]
        public string? Name { get; set; }

        // -LocationId and -Location filter the same thing, so they are two parameter sets: both at once is a
        // binding error, not a silent intersection.
        const string ByLocationId = "ByLocationId";
        const string ByLocation = "ByLocation";

        /// <summary>Only ports at these locations; binds from a Megaport.Location (Id) or a service (LocationId) in the pipeline.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByLocationId)]
        [Alias("Id")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public int[]? LocationId { get; set; }

        /// <summary>Only ports at these locations: names (wildcards allowed), ids, or Megaport.Location objects.</summary>
        [Parameter(ParameterSetName = ByLocation)]
        [LocationTransformation(AllowMany = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string[]? Location { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Metro { get; set; }

        [Parameter]
        [ValidateSet("red", "blue", IgnoreCase = true)]
        public string? DiversityZone { get; set; }

        /// <summary>Also ports that do not accept new VXCs (vxcPermitted false).</summary>
        [Parameter]
        public SwitchParameter IncludeNotPermitted { get; set; }

        /// <summary>Read the list from the API again instead of the session's cache.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void Process()
        {
            var session = CurrentSession;
            var api = Api;
            var force = Force.IsPresent;
            Force = false; // once per pipeline
            var (ports, locations) = Run(async ctx =>
                (await CatalogueCache.PartnerPortsAsync(session, api, force, ctx).ConfigureAwait(false),
                 await CatalogueCache.LocationsAsync(session, api, false, ctx).ConfigureAwait(false)));
            CatalogueCache.NameLocations(ports, locations);
            HashSet<int>? locationIds = LocationId != null ? new HashSet<int>(LocationId) : null;
            if (Location != null)
            {
                // Each value names locations on its own; one that names none is a non-terminating error and the
                // others still filter (so a typo never widens the listing to every location).
                locationIds = new HashSet<int>();
                foreach (var text in Location)
                {
                    try { locationIds.UnionWith(LocationRules.Match(locations, text, patterns: true, out _).Select(l => l.Id)); }
                    catch (MegaportException ex) { WriteError(ex); }
                }
            }
            HashSet<int>? metroIds = null;
            if (Metro != null)
            {
                var metro = Wildcards.Pattern(Metro)!;
                metroIds = new HashSet<int>(locations.Where(l => metro.IsMatch(l.Metro ?? "")).Select(l => l.Id));
            }
            var company = Wildcards.Pattern(CompanyName);
            var name = Wildcards.Pattern(Name);
            foreach (var p in ports)
            {
                if (!IncludeNotPermitted && !p.VxcPermitted) continue;
                if (ConnectType != null && !ConnectType.Contains(p.ConnectType ?? "", StringComparer.OrdinalIgnoreCase)) continue;
                if (company != null && !company.IsMatch(p.CompanyName ?? "")) continue;
                if (name != null && !name.IsMatch(p.Name)) continue;
                if (locationIds != null && !locationIds.Contains(p.LocationId)) continue;
                if (metroIds != null && !metroIds.Contains(p.LocationId)) continue;
                if (DiversityZone != null && !string.Equals(p.DiversityZone, DiversityZone, StringComparison.OrdinalIgnoreCase)) continue;
                WriteObject(p);
            }
        }
    }
}
