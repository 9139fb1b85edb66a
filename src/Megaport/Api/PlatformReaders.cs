using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>Reads the platform and catalogue answers: maintenance and outages, countries, round-trip times and pricebook prices.</summary>
    internal static class PlatformReaders
    {
        public static MaintenanceEvent Maintenance(JObject o)
        {
            var e = new MaintenanceEvent
            {
                EventType = o.Str("eventType"),
                Impact = o.Str("impact"),
                CancelReason = o.Str("cancelReason"),
            };
            Common(e, o);
            return e;
        }

        public static OutageEvent Outage(JObject o)
        {
            var e = new OutageEvent
            {
                OutageId = o.Str("outageId"),
                RootCause = o.Str("rootCause"),
                Resolution = o.Str("resolution"),
                MitigationActions = o.Str("mitigationActions"),
                CreatedBy = o.Str("createdBy"),
                Created = o.Date("createdDate"),
                Updated = o.Date("updatedDate"),
                Notices = CompanyReaders.Strings(o.Get("notices")),
            };
            Common(e, o);
            return e;
        }

        /// <summary>Times are ISO-8601 UTC text; services are short UIDs (the first eight characters).</summary>
        static void Common(ServiceEvent e, JObject o)
        {
            e.EventId = o.Str("eventId") ?? "";
            e.State = o.Str("state");
            e.Start = o.Date("startTime");
            e.End = o.Date("endTime");
            e.Purpose = o.Str("purpose");
            e.ServiceIds = CompanyReaders.Strings(o.Get("services")).Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).ToArray();
            e.Services = e.ServiceIds;
        }

        /// <summary>GET /v2/networkRegions: [{networkRegion, countries:[{code, name, prefix, siteCount}]}], one country per row.</summary>
        public static IEnumerable<Country> Countries(JToken? data)
        {
            foreach (var region in data is JArray a ? a.OfType<JObject>() : Enumerable.Empty<JObject>())
                foreach (var c in region.Objects("countries"))
                    yield return new Country
                    {
                        Name = c.Str("name") ?? "",
                        Code = c.Str("code"),
                        MarketCode = c.Str("prefix"),
                        SiteCount = c.Int("siteCount") ?? 0,
                        NetworkRegion = region.Str("networkRegion"),
                    };
        }

        public static RoundTripTime Rtt(JObject o, int year, int month) => new()
        {
            SourceLocationId = o.Int("srcLocation") ?? 0,
            DestinationLocationId = o.Int("dstLocation") ?? 0,
            MedianRtt = o.Double("medianRTT") ?? 0,
            Year = year,
            Month = month,
        };

        /// <summary>
        /// A pricebook answer {productType, currency, monthlyRate, monthlyRackRate, prices:[{chargeReason, frequency,
        /// amount}], discounts:[…]} as a Quote: the one-off charges are its setup.
        /// </summary>
        public static Quote Price(JObject o, string name, string? metro) => new()
        {
            ProductType = o.Str("productType")?.ToUpperInvariant(),
            Name = name,
            Metro = metro,
            MonthlyRate = o.Decimal("monthlyRate") ?? 0,
            MonthlyRackRate = o.Decimal("monthlyRackRate"),
            MonthlySetup = o.Objects("prices").Where(p => string.Equals(p.Str("frequency"), "ONCE", System.StringComparison.OrdinalIgnoreCase))
                .Sum(p => p.Decimal("amount") ?? 0),
            Currency = o.Str("currency"),
        };
    }
}
