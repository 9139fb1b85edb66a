using System;

namespace Megaport
{
    /// <summary>What maintenance windows and outages share: their ticket, state, times and the services they touch.</summary>
    public abstract class ServiceEvent
    {
        /// <summary>The ticket the event was raised against.</summary>
        public string EventId { get; internal set; } = "";
        public string? State { get; internal set; }
        public DateTime? Start { get; internal set; }
        public DateTime? End { get; internal set; }
        public string? Purpose { get; internal set; }
        /// <summary>The services affected, as the API names them: the first eight characters of their UIDs.</summary>
        public string[] ServiceIds { get; internal set; } = Array.Empty<string>();
        /// <summary>The affected services of the account by name ("Sydney Primary"); an id the account does not have is shown as it is.</summary>
        public string[] Services { get; internal set; } = Array.Empty<string>();

        /// <summary>Whether the event names this service (by its UID).</summary>
        public bool Affects(string productUid) => Array.Exists(ServiceIds, id => ShortIdMatches(id, productUid));

        internal static bool ShortIdMatches(string shortId, string productUid) =>
            shortId.Length > 0 && productUid.StartsWith(shortId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A planned or emergency maintenance window (GET /ens/v1/status/maintenance).</summary>
    public sealed class MaintenanceEvent : ServiceEvent
    {
        /// <summary>Planned, or Emergency when raised at short notice.</summary>
        public string? EventType { get; internal set; }
        public string? Impact { get; internal set; }
        public string? CancelReason { get; internal set; }

        public override string ToString() => $"{EventId} ({State} {Start:u})";
    }

    /// <summary>An outage (GET /ens/v1/status/outage).</summary>
    public sealed class OutageEvent : ServiceEvent
    {
        public string? OutageId { get; internal set; }
        public string? RootCause { get; internal set; }
        public string? Resolution { get; internal set; }
        public string? MitigationActions { get; internal set; }
        public string? CreatedBy { get; internal set; }
        public DateTime? Created { get; internal set; }
        public DateTime? Updated { get; internal set; }
        /// <summary>The updates sent while the outage went on.</summary>
        public string[] Notices { get; internal set; } = Array.Empty<string>();

        public override string ToString() => $"{EventId} ({State} {Start:u})";
    }

    /// <summary>A country Megaport has data centres in (GET /v2/networkRegions).</summary>
    public sealed class Country
    {
        public string Name { get; internal set; } = "";
        /// <summary>ISO 3166 alpha-3 (AUS, GBR, USA).</summary>
        public string? Code { get; internal set; }
        /// <summary>The market code its locations carry (AU, UK, US): what Get-MegaportLocation -Market takes.</summary>
        public string? MarketCode { get; internal set; }
        /// <summary>How many Megaport data centres it has.</summary>
        public int SiteCount { get; internal set; }
        public string? NetworkRegion { get; internal set; }

        public override string ToString() => Name;
    }

    /// <summary>The median round-trip time between two data centres over one month (GET /v2/locations/rtt).</summary>
    public sealed class RoundTripTime
    {
        public int SourceLocationId { get; internal set; }
        public string? SourceLocation { get; internal set; }
        public int DestinationLocationId { get; internal set; }
        public string? DestinationLocation { get; internal set; }
        /// <summary>Milliseconds.</summary>
        public double MedianRtt { get; internal set; }
        public int Year { get; internal set; }
        public int Month { get; internal set; }

        public override string ToString() => $"{SourceLocation} -> {DestinationLocation}: {MedianRtt} ms";
    }
}
