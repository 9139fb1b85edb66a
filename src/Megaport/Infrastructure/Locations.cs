using System;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;

namespace Megaport.Infrastructure
{
    /// <summary>Location checks shared by the orders that take a -LocationId (ports, MCRs, MVEs).</summary>
    internal static class Locations
    {
        /// <summary>The location with this id from the session's cache, or MegaportLocationNotFound / a not-Active error.</summary>
        public static Location Resolve(MegaportApiCmdlet cmdlet, int id)
        {
            var session = cmdlet.CurrentSession;
            var api = cmdlet.Api;
            var all = cmdlet.Run(ctx => SessionCache.LocationsAsync(session, api, false, ctx));
            var location = all.FirstOrDefault(l => l.Id == id)
                ?? throw new MegaportException(ErrorIds.LocationNotFound, ErrorCategory.ObjectNotFound, $"There is no Megaport location with id {id}.", id)
                { RecommendedAction = "Get-MegaportLocation lists the locations and their ids." };
            if (!location.IsActive)
                throw MegaportException.InvalidArgument($"{location.Name} ({id}) is {location.Status}, not Active: nothing can be ordered there.", id);
            return location;
        }

        public static void CheckZone(Location location, string? zone)
        {
            if (zone != null && !location.DiversityZones.Contains(zone, StringComparer.OrdinalIgnoreCase))
                throw MegaportException.InvalidArgument(
                    $"{location.Name} ({location.Id}) has no {zone} diversity zone; it has {(location.DiversityZones.Length == 0 ? "none" : string.Join(", ", location.DiversityZones))}.", zone);
        }
    }
}
