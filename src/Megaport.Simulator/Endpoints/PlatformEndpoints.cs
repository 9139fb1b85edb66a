using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Accounts;
using Megaport.Simulator.Http;
using Megaport.Simulator.Platform;
using Megaport.Simulator.Products;
using Megaport.Simulator.Seed;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Endpoints;

/// <summary>
/// The platform: the ENS status feeds (<c>/ens/v1/status/maintenance|outage</c>), the pricebook
/// (<c>POST /v4/pricebook/product</c>, from the same price book as validate) and ports' letters of authorisation
/// (<c>GET /v2/product/{uid}/loa</c>, a PDF).
/// </summary>
public static class PlatformEndpoints
{
    private static readonly string[] MaintenanceStates = ["Completed", "Scheduled", "Cancelled", "Running"];
    private static readonly string[] OutageStates = ["Ongoing", "Resolved"];

    private static readonly ObjectShape AddOn = Validation.Shape.Fields("addOnType", "tunnelCount", "crossConnectRequested");
    private static ObjectShape PriceFields(params string[] fields) =>
        Validation.Shape.Fields(fields).With("productType", "currency", "productUid", "term").With("addOns", Validation.Shape.ListOf(AddOn));

    private static readonly ObjectShape PortPrice = PriceFields("locationId", "speed");
    private static readonly ObjectShape VxcPrice = PriceFields("aLocationId", "bLocationId", "speed", "aEndProductType", "connectType", "buyoutPort");
    private static readonly ObjectShape MvePrice = PriceFields("locationId", "size", "mveLabel");
    private static readonly ObjectShape IxPrice = PriceFields("portLocationId", "ixType", "speed");
    private static readonly ObjectShape NatPrice = PriceFields("locationId", "speed", "sessionCount");
    private static readonly ObjectShape IpPrice = PriceFields("locationId", "ipBlock");

    /// <summary>The pricebook's body by productType (the SDK's request classes).</summary>
    private static readonly Validation.Shape PriceShape = Validation.Shape.OneOf(o => (o["productType"] as JsonValue)?.TryGetValue<string>(out var t) == true ? ShapeOf(t) : null,
        PortPrice, VxcPrice, MvePrice, IxPrice, NatPrice, IpPrice);

    private static ObjectShape? ShapeOf(string productType) => productType switch
    {
        "MEGAPORT" or "MCR2" => PortPrice,
        "VXC" => VxcPrice,
        "MVE" => MvePrice,
        "IX" => IxPrice,
        "NAT_GATEWAY" => NatPrice,
        "IP_ADDRESS" => IpPrice,
        _ => null,
    };

    public static void MapPlatform(this WebApplication app, SimulatorContext sim)
    {
        var state = sim.State;

        app.MapGet("/ens/v1/status/{feed}", (string feed, HttpRequest req) =>
        {
            var maintenance = feed == "maintenance";
            if (!maintenance && feed != "outage") return Api.Error(404, "Not Found", "No API resource at this path");
            var states = maintenance ? MaintenanceStates : OutageStates;
            var wanted = req.Query["state"].ToString();
            if (wanted.Length == 0) return Api.BadRequest("Invalid request", $"state is required: one of {string.Join(", ", states)}");
            if (!states.Contains(wanted)) return Api.BadRequest("Invalid request", $"state '{wanted}' is invalid: use one of {string.Join(", ", states)}");
            lock (state.Gate)
            {
                var store = AccountStore.Of(sim).Sync(state);
                var now = state.Now;
                var rows = (maintenance ? store.Maintenance : store.Outages)
                    .Where(e => (maintenance ? e.MaintenanceState(now) : e.OutageState(now)) == wanted).ToList();
                return Api.Ok(maintenance ? "Maintenance events retrieved successfully" : "Outage events retrieved successfully", w =>
                {
                    w.WriteStartArray();
                    foreach (var e in rows)
                        if (maintenance) WriteMaintenance(w, e, wanted);
                        else WriteOutage(w, e, wanted);
                    w.WriteEndArray();
                });
            }
        });

        app.MapPost("/v4/pricebook/product", async (HttpContext ctx, string? companyId, string? companyUid) =>
        {
            var (body, error) = await RequestBody.ReadNodeAsync(ctx, PriceShape);
            if (error is not null) return error;
            if (body is not JsonObject o) return Api.BadRequest("Invalid request", "The request body must be a JSON object");
            if (!string.IsNullOrEmpty(companyId) && !string.IsNullOrEmpty(companyUid))
                return Api.BadRequest("Invalid request", "companyId and companyUid are mutually exclusive");
            lock (state.Gate)
            {
                try
                {
                    var type = (o["productType"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
                    if (type is null) return Api.BadRequest("Validation failed", "productType is required");
                    var shape = ShapeOf(type);
                    if (shape is null) return Api.BadRequest("Validation failed", $"productType '{type}' is invalid: use MEGAPORT, MCR2, MVE, VXC, IX, NAT_GATEWAY or IP_ADDRESS");
                    var f = new JsonFields(o, "", shape: shape);
                    var (price, addOnUsd, setupUsd) = Quote(state, type, f);
                    return Api.Ok("Product price retrieved successfully", w => WritePrice(w, price, addOnUsd, setupUsd));
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });

        // The letter of authorisation of one of the account's ports: a PDF naming the port, its data centre and zone.
        app.MapGet("/v2/product/{uid}/loa", (string uid) =>
        {
            lock (state.Gate)
            {
                state.Advance();
                if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
                if (s is not PortService port) return Api.BadRequest("Validation failed", $"A letter of authorisation is only issued for ports; {s.Name} is {s.Kind}");
                if (!port.IsActive) return Api.BadRequest("Validation failed", $"Port {port.Name} is {port.Status}; it has no letter of authorisation");
                var loc = state.LocationsById.GetValueOrDefault(port.LocationId);
                var issued = DateTimeOffset.FromUnixTimeMilliseconds(state.Now).UtcDateTime;
                var pdf = LoaPdf.Build("Letter of Authorisation", [
                    $"Issued: {issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                    $"Customer: {port.Company.Name}",
                    $"Port: {port.Name}",
                    $"Service UID: {port.Uid}",
                    $"Speed: {port.Speed} Mbps",
                    $"Location: {loc?.Name ?? port.LocationId.ToString(CultureInfo.InvariantCulture)}",
                    $"Address: {(loc is null ? "" : $"{loc.Street}, {loc.Suburb}, {loc.City} {loc.Postcode}, {loc.Country}")}",
                    $"Diversity zone: {(string.IsNullOrEmpty(port.DiversityZone) ? "none" : port.DiversityZone)}",
                    "",
                    $"Megaport authorises {port.Company.Name} or its agent to order a cross connect",
                    "to the Megaport demarcation named above.",
                ]);
                return Results.File(pdf, "application/pdf", $"LOA-{port.Uid}.pdf");
            }
        });
    }

    /// <summary>The price of one product from the price book validate uses; also the USD of its add-ons and one-off charges.</summary>
    private static (Price Price, decimal AddOnUsd, decimal SetupUsd) Quote(SimulatorState state, string type, JsonFields f)
    {
        var term = f.Int("term") ?? 1;
        OrderRules.CheckTerm(f, term);
        Location Loc(string key)
        {
            var id = f.Int(key) ?? throw f.Fail($"{key} is required");
            if (!state.LocationsById.TryGetValue(id, out var loc)) throw f.Fail($"{key} {id}: there is no such location");
            if (!loc.IsActive) throw f.Fail($"{key} {id}: {loc.Name} is {loc.Status}");
            return loc;
        }
        int Speed() => f.Int("speed") is int s and > 0 ? s : throw f.Fail("speed is required and must be positive");
        var tunnels = 0;
        decimal setup = 0;
        foreach (var node in f.Arr("addOns") ?? [])
        {
            if (node is not JsonObject ao) throw f.Fail("addOns must hold objects");
            var a = new JsonFields(ao, "", "addOns.", AddOn);
            switch (a.Str("addOnType"))
            {
                case "IP_SEC" when type == "MCR2":
                    tunnels = a.Int("tunnelCount") ?? 10;
                    if (tunnels is not (10 or 20 or 30)) throw f.Fail($"addOns.tunnelCount {tunnels} is invalid: use 10, 20 or 30");
                    break;
                case "CROSS_CONNECT" when type == "MEGAPORT":
                    if (a.Bool("crossConnectRequested") == true) setup += 300;
                    break;
                case var other:
                    throw f.Fail($"addOns.addOnType '{other}' is not offered for {type}");
            }
        }
        switch (type)
        {
            case "MEGAPORT":
            {
                var loc = Loc("locationId");
                var speed = Speed();
                if (!loc.Zones().Any(z => z.Zone.PortSpeeds.Contains(speed))) throw f.Fail($"speed {speed} is not offered for ports at {loc.Name}");
                return (PortOrder.PriceFor(loc, speed, term), 0, setup);
            }
            case "MCR2":
            {
                var loc = Loc("locationId");
                var speed = Speed();
                if (!loc.Zones().Any(z => z.Zone.McrSpeeds.Contains(speed))) throw f.Fail($"speed {speed} is not offered for MCRs at {loc.Name}");
                return (McrOrder.PriceFor(loc, speed, tunnels, term), tunnels * 10m, 0);
            }
            case "MVE":
            {
                var loc = Loc("locationId");
                if (!loc.Zones().Any(z => z.Zone.MveAvailable)) throw f.Fail($"{loc.Name} does not offer MVEs");
                var size = f.Str("size") ?? "MEDIUM";
                if (!Catalogue.Sizes.Any(z => z.Size == size)) throw f.Fail($"size '{size}' is invalid: use SMALL, MEDIUM, LARGE or X_LARGE_12");
                f.Str("mveLabel");
                return (MveOrder.PriceFor(loc, size, term), 0, 0);
            }
            case "VXC":
            {
                var a = Loc("aLocationId");
                var b = Loc("bLocationId");
                var speed = Speed();
                if (f.Str("aEndProductType") is string end && end is not ("MEGAPORT" or "MCR2" or "MVE"))
                    throw f.Fail($"aEndProductType '{end}' is invalid: use MEGAPORT, MCR2 or MVE");
                f.Str("connectType");
                return (VxcOrder.PriceFor(a, b, speed, term), 0, 0);
            }
            case "IX":
            {
                var loc = Loc("portLocationId");
                var speed = Speed();
                var name = f.Str("ixType") ?? throw f.Fail("ixType is required");
                var ixp = Catalogue.Ixps.FirstOrDefault(x => x.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                    ?? throw f.Fail($"ixType '{name}' is not an internet exchange");
                if (ixp.Metro != loc.Metro) throw f.Fail($"ixType {ixp.Name} is in {ixp.Metro}, not at {loc.Name}");
                return (IxOrder.PriceFor(loc, speed), 0, 0);
            }
            default:
                throw f.Fail($"productType {type} is not in the simulator's price book");
        }
    }

    private static void WritePrice(Utf8JsonWriter w, Price p, decimal addOnUsd, decimal setupUsd)
    {
        var addOn = Pricing.FromUsd(addOnUsd, p.Currency);
        var setup = Pricing.FromUsd(setupUsd, p.Currency);
        var discount = p.MonthlyRackRate - p.MonthlyRate;
        w.WriteStartObject();
        w.WriteString("productType", p.ProductType);
        w.WriteString("currency", p.Currency);
        w.WriteNumber("monthlyRate", N(p.MonthlyRate));
        w.WriteNumber("monthlyRackRate", N(p.MonthlyRackRate));
        w.WriteStartArray("prices");
        Charge(w, "CORE", "MONTHLY", p.MonthlyRackRate - addOn, null);
        if (addOn > 0) Charge(w, "ADD_ON_CHARGE", "MONTHLY", addOn, "IP_SEC");
        if (setup > 0) Charge(w, "ADD_ON_CHARGE", "ONCE", setup, "CROSS_CONNECT");
        w.WriteEndArray();
        w.WriteStartArray("discounts");
        if (discount > 0)
        {
            w.WriteStartObject();
            w.WriteString("discountReason", "TERM");
            w.WriteNumber("amount", N(discount));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Charge(Utf8JsonWriter w, string reason, string frequency, decimal amount, string? addOnType)
    {
        w.WriteStartObject();
        w.WriteString("chargeReason", reason);
        w.WriteString("frequency", frequency);
        w.WriteNumber("amount", N(amount));
        if (addOnType is not null) w.WriteString("addOnType", addOnType);
        w.WriteEndObject();
    }

    // 1650.0m prints as 1650.0; dividing by 1.000… drops the trailing zeros, as validate's prices do.
    private static decimal N(decimal d) => d / 1.000000000000000000000000000000000m;

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteMaintenance(Utf8JsonWriter w, SimEvent e, string state)
    {
        w.WriteStartObject();
        w.WriteString("eventId", e.EventId);
        w.WriteString("state", state);
        w.WriteString("startTime", Iso(e.StartMs));
        if (e.EndMs is long end) w.WriteString("endTime", Iso(end));
        w.WriteString("impact", e.Impact);
        w.WriteString("purpose", e.Purpose);
        if (e.CancelReason is not null) w.WriteString("cancelReason", e.CancelReason);
        w.WriteString("eventType", e.EventType);
        w.WriteStringArray("services", e.Services);
        w.WriteEndObject();
    }

    private static void WriteOutage(Utf8JsonWriter w, SimEvent e, string state)
    {
        w.WriteStartObject();
        w.WriteString("outageId", e.OutageId);
        w.WriteString("eventId", e.EventId);
        w.WriteString("state", state);
        w.WriteString("startTime", Iso(e.StartMs));
        if (state == "Resolved" && e.EndMs is long end) w.WriteString("endTime", Iso(end));
        w.WriteString("purpose", e.Purpose);
        w.WriteStringArray("services", e.Services);
        if (state == "Resolved")
        {
            w.WriteString("rootCause", e.RootCause);
            w.WriteString("resolution", e.Resolution);
            w.WriteString("mitigationActions", e.MitigationActions);
        }
        w.WriteString("createdBy", "Megaport NOC");
        w.WriteString("createdDate", Iso(e.StartMs + 5 * 60_000));
        w.WriteString("updatedDate", Iso((e.EndMs ?? e.StartMs) + 10 * 60_000));
        w.WriteStringArray("notices", e.Notices);
        w.WriteEndObject();
    }
}
