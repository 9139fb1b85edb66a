using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Errors;
using Megaport.Products;

namespace Megaport.Ordering
{
    /// <summary>Location checks shared by the orders that take a -LocationId (ports, MCRs, MVEs).</summary>
    internal static class LocationRules
    {
        /// <summary>The location with this id, or MegaportLocationNotFound / a not-Active error.</summary>
        public static Location Find(IReadOnlyList<Location> all, int id)
        {
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

        /// <summary>The speed must be one the location offers for this product (in the zone asked for).</summary>
        public static void CheckSpeed(Location location, ProductDescriptor product, int speed, string? zone)
        {
            var offered = product.OfferedSpeeds(location, zone) ?? Array.Empty<int>();
            if (!offered.Contains(speed))
                throw MegaportException.InvalidArgument(
                    $"{location.Name} ({location.Id}) does not offer {speed} Mbps {product.Noun}s{(zone != null ? $" in the {zone} zone" : "")}; it offers {(offered.Length == 0 ? "none" : string.Join(", ", offered))} Mbps.", speed);
        }
    }
}
