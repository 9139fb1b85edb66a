using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportCountry: the countries with Megaport data centres, their market codes and site counts.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportCountry")]
    [OutputType(typeof(Country))]
    public sealed class GetMegaportCountryCommand : MegaportApiCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Only the country of this market code (AU, US, UK, ...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? MarketCode { get; set; }

        protected override void End()
        {
            var api = Api;
            var name = Wildcards.Pattern(Name);
            foreach (var c in Run(ctx => api.GetCountriesAsync(ctx)))
            {
                if (name != null && !name.IsMatch(c.Name) && !name.IsMatch(c.Code ?? "")) continue;
                if (MarketCode != null && !string.Equals(c.MarketCode, MarketCode, StringComparison.OrdinalIgnoreCase)) continue;
                WriteObject(c);
            }
        }
    }

    /// <summary>Get-MegaportMarketCode: the market codes (AU, US, UK, ...) that locations carry and Get-MegaportLocation -Market takes.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMarketCode")]
    [OutputType(typeof(string))]
    public sealed class GetMegaportMarketCodeCommand : MegaportApiCmdlet
    {
        protected override void End()
        {
            var api = Api;
            var codes = Run(ctx => api.GetCountriesAsync(ctx)).Select(c => c.MarketCode).Where(c => !string.IsNullOrEmpty(c))
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(c => c, StringComparer.Ordinal);
            foreach (var code in codes) WriteObject(code);
        }
    }

    /// <summary>
    /// Get-MegaportRoundTripTime: the median round-trip time from one data centre to the others over a past month.
    /// Locations from Get-MegaportLocation pipe in by their Id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MegaportRoundTripTime")]
    [OutputType(typeof(RoundTripTime))]
    public sealed class GetMegaportRoundTripTimeCommand : PerItemCmdlet
    {
        /// <summary>From: a location's exact name, its id, or a Megaport.Location (or anything with a LocationId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "LocationId", "SourceLocationId")]
        [LocationTransformation]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string SourceLocation { get; set; } = null!;

        /// <summary>Only to these locations (names, ids or objects); by default to every other location.</summary>
        [Parameter(Position = 1)]
        [Alias("DestinationLocationId")]
        [ValidateNotNullOrEmpty]
        [LocationTransformation(AllowMany = true)]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string[]? DestinationLocation { get; set; }

        /// <summary>The year (2026, or 26); with -Month. Default: the last whole month.</summary>
        [Parameter]
        public int Year { get; set; }

        /// <summary>1-12. Default: the last whole month.</summary>
        [Parameter]
        public int Month { get; set; }

        protected override void ProcessItem()
        {
            var (year, month) = Period();
            var session = CurrentSession;
            var api = Api;
            var locations = Run(ctx => CatalogueCache.LocationsAsync(session, api, false, ctx));
            var source = LocationRules.Single(locations, SourceLocation);
            var byId = locations.ToDictionary(l => l.Id);
            HashSet<int>? wanted = DestinationLocation == null ? null
                : new HashSet<int>(DestinationLocation.Select(d => LocationRules.Single(locations, d).Id));
            var rows = Run(ctx => api.GetRoundTripTimesAsync(source.Id, year, month, ctx));
            if (rows.Count == 0) WriteWarning($"The API has no round-trip times from {source.Name} for {year}-{month:00}.");
            foreach (var r in rows)
            {
                if (wanted != null && !wanted.Contains(r.DestinationLocationId)) continue;
                r.SourceLocation = source.Name;
                r.DestinationLocation = byId.TryGetValue(r.DestinationLocationId, out var d) ? d.Name : null;
                WriteObject(r);
            }
        }

        /// <summary>The month asked for (a four-digit year), or the last whole month; a month not yet begun is refused.</summary>
        (int Year, int Month) Period()
        {
            var now = DateTime.UtcNow;
            if (!Given(nameof(Month)))
            {
                if (Given(nameof(Year))) throw MegaportException.InvalidArgument("-Year needs -Month.", Year);
                var last = new DateTime(now.Year, now.Month, 1).AddMonths(-1);
                return (last.Year, last.Month);
            }
            if (Month < 1 || Month > 12) throw MegaportException.InvalidArgument($"-Month {Month} is not a month (1-12).", Month);
            var year = !Given(nameof(Year)) ? (Month < now.Month ? now.Year : now.Year - 1) : Year is >= 0 and <= 99 ? 2000 + Year : Year;
            if (year < 2000 || year > 2099) throw MegaportException.InvalidArgument($"-Year {Year} is out of range (2000-2099, or two digits).", Year);
            if (year > now.Year || (year == now.Year && Month > now.Month))
                throw MegaportException.InvalidArgument($"{year}-{Month:00} has not begun; round-trip times are statistics of past months.", Month);
            return (year, Month);
        }
    }
}
