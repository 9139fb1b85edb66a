using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.Seed;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Endpoints;

/// <summary>Locations: the v3 list, the network regions (countries and their market codes) and round-trip times between sites.</summary>
public static class LocationEndpoints
{
    public static void MapLocations(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        // Without locationStatuses every location is returned (clients filter); with it, only those statuses.
        app.MapGet("/v3/locations", (HttpContext ctx) =>
        {
            var wanted = ctx.Request.Query["locationStatuses"]
                .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            lock (state.Gate)
            {
                return Api.Ok("List public locations", w =>
                {
                    w.WriteStartArray();
                    foreach (var l in state.Locations)
                        if (wanted.Count == 0 || wanted.Contains(l.Status)) WriteLocationV3(w, l);
                    w.WriteEndArray();
                });
            }
        });

        // Countries of the one public region, MP1; a country's prefix is the market code of its locations.
        app.MapGet("/v2/networkRegions", () =>
        {
            lock (state.Gate)
            {
                var countries = state.Locations.Where(l => l.IsActive).GroupBy(l => l.Market)
                    .Select(g => (Market: g.Key, Name: g.First().Country, Sites: g.Count())).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
                return Api.Ok("List all public network regions", w =>
                {
                    w.WriteStartArray();
                    w.WriteStartObject();
                    w.WriteString("networkRegion", "MP1");
                    w.WriteStartArray("countries");
                    foreach (var c in countries)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("siteCount", c.Sites);
                        w.WriteString("code", SeedLocations.CountryCode(c.Market));
                        w.WriteString("prefix", c.Market);
                        w.WriteString("name", c.Name);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndArray();
                });
            }
        });

        // Median round-trip times from one site to every other active site, for a past month (two-digit year). Months
        // that have not ended yet have no statistics: an empty list, as the real API gives.
        app.MapGet("/v2/locations/rtt", (int? srcLocation, int? year, int? month) =>
        {
            if (srcLocation is null) return Api.BadRequest("Invalid request", "srcLocation is required");
            if (year is not (>= 0 and <= 99)) return Api.BadRequest("Invalid request", "year must be the last two digits of the year (0-99)");
            if (month is not (>= 1 and <= 12)) return Api.BadRequest("Invalid request", "month must be 1-12");
            lock (state.Gate)
            {
                if (!state.LocationsById.TryGetValue(srcLocation.Value, out var src))
                    return Api.BadRequest("Invalid request", $"Location {srcLocation} was not found");
                var now = sim.Clock.GetUtcNow();
                var ended = 2000 + year < now.Year || (2000 + year == now.Year && month < now.Month);
                var rows = ended && src.IsActive ? state.Locations.Where(l => l.IsActive && l.Id != src.Id).ToList() : [];
                return Api.Ok($"List RTT by location={src.Id} , year={year}, month={month}", w =>
                {
                    w.WriteStartArray();
                    foreach (var dst in rows)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("srcLocation", src.Id);
                        w.WriteNumber("dstLocation", dst.Id);
                        w.WriteNumber("medianRTT", MedianRtt(src, dst, year.Value, month.Value));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                });
            }
        });
    }

    /// <summary>
    /// Light in fibre covers about 200 km per ms and real paths run about 1.4 times the great circle, plus a quarter of a
    /// millisecond of switching; a stable few per cent of monthly variation keeps months apart. Milliseconds, 5 decimals.
    /// </summary>
    public static double MedianRtt(Location a, Location b, int year, int month)
    {
        const double EarthKm = 6371;
        double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(b.Latitude - a.Latitude);
        var dLon = Rad(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        var km = 2 * EarthKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
        var rtt = 0.25 + 2 * km * 1.4 / 200;
        var seed = unchecked(Math.Min(a.Id, b.Id) * 1_000_003 + Math.Max(a.Id, b.Id) * 7_919 + year * 131 + month); // same both ways, every run
        var variation = 1 + (new Random(seed).NextDouble() - 0.5) * 0.06;
        return Math.Round(rtt * variation, 5);
    }

    private static void WriteLocationV3(Utf8JsonWriter w, Location l)
    {
        w.WriteStartObject();
        w.WriteNumber("id", l.Id);
        w.WriteString("name", l.Name);
        w.WriteStartObject("address");
        w.WriteString("street", l.Street);
        w.WriteString("suburb", l.Suburb);
        w.WriteString("city", l.City);
        w.WriteString("state", l.State);
        w.WriteString("postcode", l.Postcode);
        w.WriteString("country", l.Country);
        w.WriteEndObject();
        w.WriteStartObject("dataCentre");
        w.WriteNumber("id", l.DataCentreId);
        w.WriteString("name", l.DataCentreName);
        w.WriteEndObject();
        w.WriteString("metro", l.Metro);
        w.WriteString("market", l.Market);
        w.WriteString("status", l.Status);
        w.WriteNumber("longitude", l.Longitude);
        w.WriteNumber("latitude", l.Latitude);
        w.WriteStringOrNull("orderingMessage", l.OrderingMessage);
        w.WriteStartObject("diversityZones");
        foreach (var (name, z) in l.Zones())
        {
            w.WriteStartObject(name);
            w.WriteIntArray("mcrSpeedMbps", z.McrSpeeds);
            w.WriteIntArray("megaportSpeedMbps", z.PortSpeeds);
            w.WriteNumberOrNull("mveMaxCpuCoreCount", z.MveMaxCpuCoreCount);
            w.WriteBoolean("mveAvailable", z.MveAvailable);
            w.WriteIntArray("natGatewaySpeedMbps", z.NatGatewaySpeeds);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("productAddOns");
        w.WriteStartObject("crossConnect");
        w.WriteBoolean("available", l.CrossConnectAvailable);
        w.WriteStringOrNull("type", l.CrossConnectAvailable ? "STANDARD" : null);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

}
