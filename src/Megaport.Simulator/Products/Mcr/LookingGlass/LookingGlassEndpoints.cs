using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Products.LookingGlass;

/// <summary>
/// An MCR's looking glass (<c>…/lookingGlass/routes|bgp|bgpSessions</c>, with the asynchronous job form) and
/// diagnostics (<c>…/diagnostics/ping|traceroute</c>, polled at <c>…/diagnostics/routes/operation</c>), all GETs with
/// query strings, plus <c>/_simulator/lookingGlass</c> for the job and operation delays and the diagnostics rate limit.
/// </summary>
public static class LookingGlassEndpoints
{
    private const string Mcr = "/v2/product/mcr2/{uid}";
    private static readonly string[] Protocols = ["BGP", "STATIC", "CONNECTED", "LOCAL"];

    /// <summary>Where sessions' prefix lists are looked up; without a source of lists nothing is filtered.</summary>
    public static IPrefixListSource PrefixLists { get; set; } = McrPrefixListSource.Instance;

    /// <summary>One request's view: the simulator, the MCR's synthesized looking glass, and now.</summary>
    private sealed record Lg(LookingGlassStore Store, LookingGlassSynth Synth, long Now)
    {
        public string Uid => Synth.Mcr.Uid;
    }

    public static void Map(WebApplication app, SimulatorContext sim)
    {
        app.MapGet(Mcr + "/lookingGlass/routes", (string uid, HttpRequest req) => With(sim, uid, lg =>
        {
            var protocol = req.Query["protocol"].ToString().ToUpperInvariant();
            if (protocol.Length > 0 && !Protocols.Contains(protocol))
                return Invalid($"protocol '{protocol}' is invalid: use BGP, STATIC, CONNECTED or LOCAL");
            return Table(lg, req, "routes", "Routes retrieved successfully",
                lg.Synth.IpRoutes().Where(r => protocol.Length == 0 || r.Protocol == protocol).ToList(), LookingGlassJson.IpRoute);
        }));
        app.MapGet(Mcr + "/lookingGlass/routes/async/{jobId}", (string uid, string jobId) => With(sim, uid, lg => JobResult(lg, "routes", jobId)));

        app.MapGet(Mcr + "/lookingGlass/bgp", (string uid, HttpRequest req) => With(sim, uid, lg =>
            Table(lg, req, null, "BGP routes retrieved successfully", lg.Synth.BgpTable(), LookingGlassJson.BgpRoute)));

        app.MapGet(Mcr + "/lookingGlass/bgpSessions", (string uid) => With(sim, uid, lg => Api.Ok("BGP sessions retrieved successfully", w =>
        {
            w.WriteStartArray();
            foreach (var s in lg.Synth.Sessions) LookingGlassJson.Session(w, lg.Synth, s, lg.Now);
            w.WriteEndArray();
        })));
        // The literal "async" segment wins over {sessionId}: a job's result, not a session called "async".
        app.MapGet(Mcr + "/lookingGlass/bgpSessions/async/{jobId}", (string uid, string jobId) => With(sim, uid, lg => JobResult(lg, "neighbor", jobId)));
        app.MapGet(Mcr + "/lookingGlass/bgpSessions/{sessionId}/{direction}", (string uid, string sessionId, string direction, HttpRequest req) => With(sim, uid, lg =>
        {
            var session = lg.Synth.Sessions.FirstOrDefault(s => string.Equals(s.Id, sessionId, StringComparison.OrdinalIgnoreCase));
            if (session is null) return Invalid($"BGP session {sessionId} is not on MCR {uid}");
            var routes = direction.ToLowerInvariant() switch
            {
                "advertised" => lg.Synth.Advertised(session),
                "received" => lg.Synth.Received(session),
                _ => null,
            };
            return routes is null ? Invalid($"direction '{direction}' is invalid: use advertised or received")
                : Table(lg, req, "neighbor", "BGP neighbor routes retrieved successfully", routes, LookingGlassJson.NeighborRoute);
        }));

        app.MapGet(Mcr + "/diagnostics/ping", (string uid, HttpRequest req) => With(sim, uid, lg =>
        {
            var count = Number(req, "packet_count", 1, 60, 5, out var error) ?? 0;
            var size = error is null ? Number(req, "packet_size", 1, 9186, 56, out error) ?? 0 : 0;
            return error ?? Start(lg, req, "Ping", (w, dest, source) => Diagnostics.WritePing(w, lg.Synth, dest, source, count, size));
        }));
        app.MapGet(Mcr + "/diagnostics/traceroute", (string uid, HttpRequest req) => With(sim, uid, lg =>
            Start(lg, req, "Traceroute", (w, dest, _) => Diagnostics.WriteTraceroute(w, lg.Synth, dest))));
        app.MapGet(Mcr + "/diagnostics/routes/operation", (string uid, string? operationId) => With(sim, uid, lg =>
        {
            if (string.IsNullOrWhiteSpace(operationId)) return Invalid("operationId is required");
            var op = lg.Store.FindOperation(uid, operationId, lg.Now);
            if (op is null) return Api.Error(404, "Not Found", $"No diagnostics operation {operationId} on MCR {uid}");
            return lg.Now < op.ReadyMs ? Api.Ok("Operation in progress", w => w.WriteNullValue())
                : Api.Ok("Operation complete", w => w.WriteRawValue(op.Result, skipInputValidation: true));
        }));

        MapAdmin(app, sim);
    }

    /// <summary>Reads the MCR under the state lock; an unknown UID, another kind of service or an inactive MCR is refused.</summary>
    private static IResult With(SimulatorContext sim, string uid, Func<Lg, IResult> handle)
    {
        var state = sim.State;
        lock (state.Gate)
        {
            state.Advance();
            var store = LookingGlassStore.Of(sim).Sync(state);
            if (!state.Services.TryGetValue(uid, out var s)) return Api.ServiceNotFound(uid);
            if (s is not McrService mcr)
                return Invalid($"{uid} is a {s.Descriptor.Word}, not an MCR: the looking glass and diagnostics belong to MCRs");
            if (!mcr.IsActive) return Invalid($"MCR {uid} is {mcr.Status}");
            return handle(new Lg(store, new LookingGlassSynth(state, mcr, PrefixLists, store.Config.RoutesPerSession), state.Now));
        }
    }

    /// <summary>A table, filtered by <c>?ip=</c>; with <c>?async=true</c> (where <paramref name="jobKind"/> allows it) a job instead.</summary>
    private static IResult Table(Lg lg, HttpRequest req, string? jobKind, string message, IReadOnlyList<LgRoute> rows, Action<Utf8JsonWriter, LgRoute> write)
    {
        var ip = req.Query["ip"].ToString();
        Cidr? filter = null;
        if (ip.Length > 0)
        {
            if (!Cidr.TryParse(ip, out var c)) return Invalid($"ip '{ip}' is not an IP address or prefix");
            filter = c;
        }
        rows = LookingGlassSynth.Filter(rows, filter, !ip.Contains('/'));
        var asyncText = req.Query["async"].ToString();
        if (asyncText.Length > 0 && !bool.TryParse(asyncText, out _)) return Invalid($"async '{asyncText}' is invalid: use true or false");
        if (jobKind is null || !string.Equals(asyncText, "true", StringComparison.OrdinalIgnoreCase))
            return Api.Ok(message, w =>
            {
                w.WriteStartArray();
                foreach (var r in rows) write(w, r);
                w.WriteEndArray();
            });
        var job = lg.Store.AddJob(lg.Uid, jobKind, LookingGlassJson.Rows(rows, write), lg.Now);
        return Api.Ok("Async job created", w => LookingGlassJson.Job(w, job, lg.Now));
    }

    private static IResult JobResult(Lg lg, string kind, string jobId)
    {
        var job = lg.Store.FindJob(lg.Uid, kind, jobId, lg.Now);
        if (job is null) return Api.Error(404, "Not Found", $"No looking glass job {jobId} on MCR {lg.Uid}");
        var message = job.Status(lg.Now) switch { "COMPLETE" => "Async job complete", "FAILED" => "Async job failed", _ => "Async job in progress" };
        return Api.Ok(message, w => LookingGlassJson.Job(w, job, lg.Now));
    }

    /// <summary>Checks the destination and source, takes a slot of the rate limit, and starts the operation (data = its id).</summary>
    private static IResult Start(Lg lg, HttpRequest req, string what, Action<Utf8JsonWriter, IPAddress, string?> result)
    {
        var destination = req.Query["destination_address"].ToString();
        if (destination.Length == 0) return Invalid("destination_address is required");
        if (!Cidr.TryAddress(destination, out var dest)) return Invalid($"destination_address '{destination}' is not an IP address");
        var source = req.Query["source_address"].ToString();
        if (source.Length > 0 && !lg.Synth.Addresses().Contains(source))
            return Invalid($"source_address '{source}' is not an address of MCR {lg.Uid}");
        if (lg.Store.TakeDiagnosticsSlot(lg.Uid, lg.Now) is int wait)
            return new RetryAfterResult(Api.Error(429, "Too Many Requests",
                $"MCR {lg.Uid} allows {lg.Store.Config.DiagnosticsPerMinute} diagnostics operations per minute; try again in {wait} s"), wait);
        var op = lg.Store.AddOperation(lg.Uid, Api.Write(w => result(w, dest, source.Length > 0 ? source : null)), lg.Now);
        return Api.Ok($"{what} operation started", w => w.WriteStringValue(op.Id));
    }

    /// <summary>An optional whole number in a range (its default when absent).</summary>
    private static int? Number(HttpRequest req, string name, int min, int max, int fallback, out IResult? error)
    {
        error = null;
        var text = req.Query[name].ToString();
        if (text.Length == 0) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        error = Invalid($"{name} '{text}' is invalid: use {min}-{max}");
        return null;
    }

    private static ApiResult Invalid(string detail) => Api.BadRequest("Validation failed", detail);

    /// <summary>A 429 with the Retry-After header.</summary>
    private sealed class RetryAfterResult(ApiResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(context);
        }
    }

    private static readonly ObjectShape ConfigShape = Shape.Fields("jobDelayMs", "operationDelayMs", "diagnosticsPerMinute", "jobOutcome", "routesPerSession");

    /// <summary><c>GET</c>/<c>PUT /_simulator/lookingGlass</c>: the settings of <see cref="LookingGlassConfig"/> (PUT: any of them).</summary>
    private static void MapAdmin(WebApplication app, SimulatorContext sim)
    {
        const string path = Pipeline.AdminPrefix + "/lookingGlass";
        app.MapGet(path, () => { lock (sim.State.Gate) return WriteConfig(LookingGlassStore.Of(sim).Sync(sim.State).Config); });
        app.MapPut(path, async (HttpContext ctx) =>
        {
            // Read as every endpoint reads: a malformed or empty body is a 400 in the envelope.
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, ConfigShape);
            if (error is not null) return error;
            lock (sim.State.Gate)
            {
                var config = LookingGlassStore.Of(sim).Sync(sim.State).Config;
                try
                {
                    var jobDelay = Field(body, "jobDelayMs", 0, 86_400_000);
                    var opDelay = Field(body, "operationDelayMs", 0, 86_400_000);
                    var perMinute = Field(body, "diagnosticsPerMinute", 0, 100_000);
                    var perSession = Field(body, "routesPerSession", 0, 65_536);
                    var outcome = body["jobOutcome"]?.GetValue<string>()?.ToUpperInvariant();
                    if (outcome is not (null or "COMPLETE" or "FAILED")) throw new ArgumentException("jobOutcome must be COMPLETE or FAILED");
                    if (jobDelay is int j) config.JobDelayMs = j;
                    if (opDelay is int o) config.OperationDelayMs = o;
                    if (perMinute is int p) config.DiagnosticsPerMinute = p;
                    if (perSession is int r) config.RoutesPerSession = r;
                    if (outcome is not null) config.JobOutcome = outcome;
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
                {
                    return AdminError(ex.Message);
                }
                return WriteConfig(config);
            }
        });
    }

    private static int? Field(JsonObject o, string name, int min, int max)
    {
        if (o[name] is null) return null;
        if (o[name] is JsonValue v && v.TryGetValue<int>(out var n) && n >= min && n <= max) return n;
        throw new ArgumentException($"{name} must be an integer {min}-{max}");
    }

    private static IResult WriteConfig(LookingGlassConfig c) => Api.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("jobDelayMs", c.JobDelayMs);
        w.WriteNumber("operationDelayMs", c.OperationDelayMs);
        w.WriteNumber("diagnosticsPerMinute", c.DiagnosticsPerMinute);
        w.WriteString("jobOutcome", c.JobOutcome);
        w.WriteNumber("routesPerSession", c.RoutesPerSession);
        w.WriteEndObject();
    });

    /// <summary>An admin refusal, in the API's envelope like every other answer.</summary>
    private static IResult AdminError(string text) => Api.Error(400, "Invalid request", text);
}
