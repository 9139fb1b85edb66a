using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Megaport.Errors;
using Megaport.Products;

namespace Megaport.Ordering
{
    /// <summary>
    /// Location lookups and checks shared by every cmdlet that takes a location: the orders (ports, MCRs, MVEs) by
    /// -LocationId or -Location, and Get-MegaportLocation / Get-MegaportPartnerPort. All read the session's cached
    /// list (CatalogueCache), so naming a location never costs a request of its own.
    /// </summary>
    internal static class LocationRules
    {
        /// <summary>The location with this id, or MegaportLocationNotFound / a not-Active error.</summary>
        public static Location Find(IReadOnlyList<Location> all, int id) => Orderable(ById(all, id));

        /// <summary>
        /// The one location that -Location names on an order: an id, or an exact name (any case). A wildcard
        /// pattern is refused (an order names one place; the error lists what the pattern matches), and so is a
        /// name two locations share.
        /// </summary>
        public static Location Single(IReadOnlyList<Location> all, string text)
        {
            var hits = Match(all, text, patterns: false, out _, suggestFrom: all.Where(l => l.IsActive));
            if (hits.Count > 1)
                throw MegaportException.InvalidArgument(
                    $"'{text}' names {hits.Count} Megaport locations: {List(hits)}. Give the id of the one you mean.", text);
            return Orderable(hits[0]);
        }

        /// <summary>
        /// The locations one -Location value names: an id ("3"), else an exact name (any case), else - where the
        /// cmdlet takes wildcards - a pattern (which may match none). An id or plain name that matches nothing is
        /// MegaportLocationNotFound, suggesting the closest names from <paramref name="suggestFrom"/> (all by default).
        /// <paramref name="exact"/> says the value named its locations exactly (id or name), not through a pattern.
        /// </summary>
        public static IReadOnlyList<Location> Match(IReadOnlyList<Location> all, string text, bool patterns, out bool exact, IEnumerable<Location>? suggestFrom = null)
        {
            exact = true;
            if (string.IsNullOrWhiteSpace(text)) throw MegaportException.InvalidArgument("-Location must not be empty: give a location name or id.", text);
            if (IsId(text, out var id)) return new[] { ById(all, id) };
            var named = all.Where(l => string.Equals(l.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count > 0) return named;
            if (Cmdlets.Wildcards.IsPattern(text))
            {
                exact = false;
                var matched = PatternMatches(all, text);
                if (patterns) return matched;
                throw MegaportException.InvalidArgument(
                    matched.Count == 0
                        ? $"-Location '{text}' is a wildcard pattern, and it matches no location; an order takes a location's exact name or id."
                        : $"-Location '{text}' is a wildcard pattern; an order takes one location's exact name or id. It matches {List(matched)}.", text);
            }
            throw NameNotFound(text, suggestFrom ?? all, "-Location");
        }

        /// <summary>
        /// MegaportLocationNotFound for a name that matches nothing, suggesting up to three close names ("Did you
        /// mean 'Global Switch Sydney'?") in the message and in RecommendedAction.
        /// </summary>
        public static MegaportException NameNotFound(string text, IEnumerable<Location> candidates, string parameter)
        {
            var pool = candidates.ToList();
            var closest = Suggestions.Closest(text, pool.Select(l => l.Name));
            var named = closest.Select(n => pool.First(l => l.Name == n)).ToList();
            var action = named.Count switch
            {
                0 => "Get-MegaportLocation lists the locations (-Name takes wildcards, -Metro a city).",
                1 => $"Use {parameter} '{Escape(named[0].Name)}' (id {named[0].Id}), or Get-MegaportLocation to list the locations.",
                _ => $"Use {parameter} with one of {List(named)}, or Get-MegaportLocation to list the locations.",
            };
            return new MegaportException(ErrorIds.LocationNotFound, ErrorCategory.ObjectNotFound,
                $"No Megaport location matches '{text}'.{Suggestions.DidYouMean(closest)}", text)
            { RecommendedAction = action };
        }

        /// <summary>A name as it goes between single quotes in PowerShell.</summary>
        static string Escape(string name) => name.Replace("'", "''");

        /// <summary>The locations whose name matches a wildcard pattern; a malformed pattern is a local error.</summary>
        public static List<Location> PatternMatches(IReadOnlyList<Location> all, string pattern)
        {
            try
            {
                var p = Cmdlets.Wildcards.Pattern(pattern)!;
                return all.Where(l => p.IsMatch(l.Name)).ToList();
            }
            catch (WildcardPatternException)
            {
                throw MegaportException.InvalidArgument($"'{pattern}' is not a valid wildcard pattern.", pattern);
            }
        }

        /// <summary>An id, as a Location object or a number becomes one (see LocationTransformationAttribute).</summary>
        static bool IsId(string text, out int id) =>
            int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id);

        static Location ById(IReadOnlyList<Location> all, int id) =>
            all.FirstOrDefault(l => l.Id == id)
            ?? throw new MegaportException(ErrorIds.LocationNotFound, ErrorCategory.ObjectNotFound, $"There is no Megaport location with id {id}.", id)
            { RecommendedAction = "Get-MegaportLocation lists the locations and their ids." };

        /// <summary>Orders go only to Active locations.</summary>
        static Location Orderable(Location location)
        {
            if (!location.IsActive)
                throw MegaportException.InvalidArgument($"{location.Name} ({location.Id}) is {location.Status}, not Active: nothing can be ordered there.", location.Id);
            return location;
        }

        /// <summary>"'Equinix SY1' (2), 'Equinix SY3' (4) and 'Equinix SY4' (7)", at most ten, then "and 3 more".</summary>
        static string List(IReadOnlyList<Location> locations)
        {
            const int shown = 10;
            var names = locations.Take(shown).Select(l => $"'{l.Name}' ({l.Id})").ToList();
            var text = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
            return locations.Count > shown ? string.Join(", ", names) + $" and {locations.Count - shown} more" : text;
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
