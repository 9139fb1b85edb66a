using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Transport;

namespace Megaport.Ordering
{
    /// <summary>
    /// Catalogue data (locations, partner ports) changes rarely: read it once per session and keep it for a while,
    /// so repeat calls, order validation and tab completion cost nothing. -Force on the Get- cmdlets refreshes.
    /// </summary>
    internal static class CatalogueCache
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

        public static async Task<IReadOnlyList<Location>> LocationsAsync(Session session, MegaportApi api, bool force, CallContext ctx)
        {
            var cached = session.Locations;
            if (!force && cached != null && cached.IsFresh(Lifetime)) return cached.Items;
            var fresh = await api.GetLocationsAsync(ctx).ConfigureAwait(false);
            session.Locations = new CachedList<Location>(fresh);
            return fresh;
        }

        /// <summary>Partner ports; their location names are filled in from the location cache when it is there (see NameLocations).</summary>
        public static async Task<IReadOnlyList<PartnerPort>> PartnerPortsAsync(Session session, MegaportApi api, bool force, CallContext ctx)
        {
            var cached = session.PartnerPorts;
            if (!force && cached != null && cached.IsFresh(Lifetime)) return cached.Items;
            var fresh = await api.GetPartnerPortsAsync(ctx).ConfigureAwait(false);
            if (session.Locations != null) NameLocations(fresh, session.Locations.Items);
            session.PartnerPorts = new CachedList<PartnerPort>(fresh);
            return fresh;
        }

        public static void NameLocations(IEnumerable<PartnerPort> ports, IReadOnlyList<Location> locations)
        {
            var names = new Dictionary<int, string>();
            foreach (var l in locations) names[l.Id] = l.Name;
            foreach (var p in ports)
                if (p.LocationName == null && names.TryGetValue(p.LocationId, out var n)) p.LocationName = n;
        }
    }
}
