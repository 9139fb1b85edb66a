using System.Globalization;
using Megaport.Simulator.Http;
using Megaport.Simulator.Products;

namespace Megaport.Simulator.Endpoints;

/// <summary>
/// <c>GET {product path}/{uid}/telemetry?type=…[&amp;type=…]&amp;days=N | &amp;from=&amp;to=</c> for every kind that declares
/// <see cref="ProductKind.Telemetry"/> (NAT gateways at their own path). The answer is not enveloped; refusals are 400s
/// in the error envelope, with the API's wording.
/// </summary>
public static class TelemetryEndpoints
{
    public const int MaxDays = 180;
    private const long Day = 86_400_000;

    public static void MapTelemetry(this WebApplication app, SimulatorContext sim)
    {
        foreach (var kind in ProductRegistry.Default.All)
        {
            if (kind.Telemetry is not { } spec) continue;
            app.MapGet(spec.Route, (string uid, HttpRequest req) => Answer(sim, kind, spec, uid, req));
        }
    }

    private static IResult Answer(SimulatorContext sim, ProductKind kind, TelemetrySpec spec, string uid, HttpRequest req)
    {
        var asked = req.Query["type"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).ToList();
        if (asked.Count == 0) return Api.BadRequest("At least one 'type' is required", null);
        var types = new List<string>();
        foreach (var t in asked)
        {
            var known = spec.Find(t);
            if (known is null) return Api.BadRequest($"Invalid telemetry type '{t}' for product type {kind.Type}", $"Valid types: {string.Join(", ", spec.Types)}");
            if (!types.Contains(known)) types.Add(known);
        }

        var state = sim.State;
        var now = state.Now;
        long from, to;
        var daysText = req.Query["days"].ToString();
        var fromText = req.Query["from"].ToString();
        var toText = req.Query["to"].ToString();
        if (daysText.Length > 0)
        {
            if (fromText.Length > 0 || toText.Length > 0) return Api.BadRequest("'days' cannot be combined with 'from' and 'to'", null);
            if (!int.TryParse(daysText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days)) return Api.BadRequest("Invalid request", $"days '{daysText}' is not a number");
            if (days is < 1 or > MaxDays) return Api.BadRequest($"'days' must be between 1 and {MaxDays}", null);
            to = now;
            from = now - days * Day;
        }
        else if (fromText.Length > 0 || toText.Length > 0)
        {
            if (fromText.Length == 0 || toText.Length == 0) return Api.BadRequest("'from' and 'to' must be given together", null);
            if (!long.TryParse(fromText, NumberStyles.Integer, CultureInfo.InvariantCulture, out from)) return Api.BadRequest("Invalid request", $"from '{fromText}' is not epoch milliseconds");
            if (!long.TryParse(toText, NumberStyles.Integer, CultureInfo.InvariantCulture, out to)) return Api.BadRequest("Invalid request", $"to '{toText}' is not epoch milliseconds");
            if (from >= to) return Api.BadRequest("'from' must be before 'to'", null);
            if (to - from > MaxDays * Day) return Api.BadRequest($"The time range must not be longer than {MaxDays} days", null);
            if (from < now - 2 * MaxDays * Day || from < 0) return Api.BadRequest($"'from' must be within the last {2 * MaxDays} days", null);
        }
        else return Api.BadRequest("Either 'days' or 'from' and 'to' are required", null);

        lock (state.Gate)
        {
            state.Advance();
            // Another kind's UID on this path is as unknown as no UID at all (the API's 400).
            if (!state.Services.TryGetValue(uid, out var s) || s.Descriptor != kind) return Api.ServiceNotFound(uid);
            return Api.Json(200, w => TelemetrySynth.Write(w, s, spec, types, from, Math.Min(to, now)));
        }
    }
}
