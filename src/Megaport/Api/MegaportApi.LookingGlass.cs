using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading.Tasks;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>
    /// An MCR's looking glass (routes, BGP sessions and the routes per neighbor) and its diagnostics (ping,
    /// traceroute). The two big tables - IP routes and a neighbor's routes - are always asked for in the asynchronous
    /// form (?async=true, then the job polled), so a large table never has to fit in one synchronous answer.
    /// </summary>
    internal sealed partial class MegaportApi
    {
        static string LookingGlassPath(string mcrUid) => $"/v2/product/mcr2/{Escape(mcrUid)}/lookingGlass";
        static string DiagnosticsPath(string mcrUid) => $"/v2/product/mcr2/{Escape(mcrUid)}/diagnostics";

        /// <summary>"?a=1&amp;b=2" from the parts that have a value ("" when none has).</summary>
        static string Query(params (string Name, object? Value)[] parts)
        {
            var sb = new StringBuilder();
            foreach (var (name, value) in parts)
            {
                if (value == null) continue;
                var text = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                sb.Append(sb.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Escape(text));
            }
            return sb.ToString();
        }

        /// <summary>
        /// The IP routing table: BGP, STATIC, CONNECTED and LOCAL routes, optionally one protocol and those matching an
        /// address or prefix; each route handed out as the job's answer is read (a big table streams).
        /// </summary>
        public Task StreamRoutesAsync(Mcr mcr, string? protocol, string? ipAddress, OperationPoller poller, Action<McrRoute> onRoute, CallContext ctx)
        {
            var basePath = LookingGlassPath(mcr.ProductUid) + "/routes";
            return RunJobAsync(basePath + Query(("async", "true"), ("protocol", protocol), ("ip", ipAddress)), basePath + "/async/",
                $"IP routes of MCR '{mcr.Name}'", mcr.ProductUid, poller, row =>
                {
                    var route = LookingGlassReaders.Route(mcr, row);
                    // The protocol filter is also applied here, so the answer is the same whether the job honoured it or not.
                    if (protocol == null || string.Equals(route.Protocol, protocol, StringComparison.OrdinalIgnoreCase)) onRoute(route);
                }, ctx);
        }

        /// <summary>The BGP table with every path's attributes, each handed out as it is read (a big table streams).</summary>
        public Task StreamBgpRoutesAsync(Mcr mcr, string? ipAddress, Action<McrBgpRoute> onRoute, CallContext ctx) =>
            Client.StreamArrayAsync(LookingGlassPath(mcr.ProductUid) + "/bgp" + Query(("ip", ipAddress)), r => onRoute(LookingGlassReaders.BgpRoute(mcr, r)), ctx);

        /// <summary>The MCR's BGP sessions, each handed out as it is read.</summary>
        public Task StreamBgpSessionsAsync(Mcr mcr, Action<McrBgpSession> onSession, CallContext ctx) =>
            Client.StreamArrayAsync(LookingGlassPath(mcr.ProductUid) + "/bgpSessions", r => onSession(LookingGlassReaders.BgpSession(mcr, r)), ctx);

        /// <summary>
        /// The routes advertised to (<paramref name="direction"/> "Advertised") or received from ("Received") one BGP
        /// neighbor, each handed out as the job's answer is read.
        /// </summary>
        public Task StreamNeighborRoutesAsync(Mcr mcr, string sessionId, string direction, string? ipAddress, OperationPoller poller,
            Action<McrBgpNeighborRoute> onRoute, CallContext ctx)
        {
            var sessions = LookingGlassPath(mcr.ProductUid) + "/bgpSessions/";
            var path = sessions + Escape(sessionId) + "/" + direction.ToLowerInvariant() + Query(("async", "true"), ("ip", ipAddress));
            return RunJobAsync(path, sessions + "async/", $"{direction.ToLowerInvariant()} routes of BGP session {sessionId} on MCR '{mcr.Name}'",
                mcr.ProductUid, poller, row => onRoute(LookingGlassReaders.NeighborRoute(mcr, sessionId, direction, row)), ctx);
        }

        /// <summary>
        /// Starts a job with <paramref name="startPath"/>, then polls <paramref name="resultPath"/>{jobId} until it is
        /// COMPLETE; the rows of the answer that has them go to <paramref name="onRow"/> as they are read.
        /// </summary>
        async Task RunJobAsync(string startPath, string resultPath, string what, string target, OperationPoller poller, Action<JObject> onRow, CallContext ctx)
        {
            var start = await Client.StreamAsync(startPath, LookingGlassReaders.JobRows, onRow, ctx).ConfigureAwait(false);
            var job = LookingGlassReaders.Job(start.Data);
            if (job == null || (job.Id.Length == 0 && !job.Complete))
                throw NoAnswer("GET", startPath, "no job id", start.TraceId, target);
            if (job.Complete) return;
            Failed(job, what, target);
            var path = resultPath + Escape(job.Id);
            ctx.Verbose?.Invoke($"{what}: job {job.Id} is {job.Status}; polling {path}");
            await poller.PollAsync($"{what} (job {job.Id})", target, async c =>
            {
                var result = await Client.StreamAsync(path, LookingGlassReaders.JobRows, onRow, c).ConfigureAwait(false);
                var state = LookingGlassReaders.Job(result.Data) ?? throw NoAnswer("GET", path, "no job", result.TraceId, target);
                Failed(state, what, target);
                return (state.Complete ? (object)true : null, state.Status.Length == 0 ? "running" : state.Status);
            }, ctx).ConfigureAwait(false);
        }

        static void Failed(LookingGlassJob job, string what, string target)
        {
            if (job.Failed)
                throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"{what}: the API reports job {job.Id} FAILED.", target)
                { RecommendedAction = "Try again in a moment; the looking glass may be busy." };
        }

        /// <summary>Pings <paramref name="destination"/> from the MCR: starts the operation, then polls for its result.</summary>
        public async Task<McrPingResult> PingAsync(Mcr mcr, string destination, string? source, int? count, int? size, OperationPoller poller, CallContext ctx)
        {
            var start = DiagnosticsPath(mcr.ProductUid) + "/ping" + Query(("destination_address", destination), ("source_address", source),
                ("packet_count", count), ("packet_size", size));
            var data = await RunOperationAsync(mcr, start, $"Ping {destination} from MCR '{mcr.Name}'", poller, ctx).ConfigureAwait(false);
            return LookingGlassReaders.Ping(mcr, destination, source, data);
        }

        /// <summary>A traceroute to <paramref name="destination"/> from the MCR: its hops, and the raw output as the MCR printed it.</summary>
        public async Task<(IReadOnlyList<McrTracerouteHop> Hops, string? RawOutput)> TracerouteAsync(Mcr mcr, string destination, string? source,
            OperationPoller poller, CallContext ctx)
        {
            var start = DiagnosticsPath(mcr.ProductUid) + "/traceroute" + Query(("destination_address", destination), ("source_address", source));
            var data = await RunOperationAsync(mcr, start, $"Traceroute to {destination} from MCR '{mcr.Name}'", poller, ctx).ConfigureAwait(false);
            return (LookingGlassReaders.Hops(mcr, destination, data).ToList(), data.Str("rawOutput"));
        }

        /// <summary>
        /// Starts a diagnostics operation (the answer's data is its id), then polls
        /// …/diagnostics/routes/operation?operationId= until the result is there (data is null while it runs).
        /// </summary>
        async Task<JObject> RunOperationAsync(Mcr mcr, string startPath, string what, OperationPoller poller, CallContext ctx)
        {
            var start = await Client.SendAsync("GET", startPath, null, RetryKind.Read, ctx).ConfigureAwait(false);
            var id = start.Data is JValue { Type: JTokenType.String } v && !string.IsNullOrWhiteSpace((string?)v) ? (string)v!
                : throw NoAnswer("GET", startPath, "no operation id", start.TraceId, mcr.ProductUid);
            var path = DiagnosticsPath(mcr.ProductUid) + "/routes/operation" + Query(("operationId", id));
            ctx.Verbose?.Invoke($"{what}: operation {id} started; polling {path}");
            return await poller.PollAsync($"{what} (operation {id})", mcr.ProductUid, async c =>
            {
                var result = await Client.SendAsync("GET", path, null, RetryKind.Read, c).ConfigureAwait(false);
                return (result.Data as JObject, "running");
            }, ctx).ConfigureAwait(false);
        }

        static IEnumerable<JObject> Rows(ApiResult result) => (result.Data as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>();

        static MegaportException NoAnswer(string method, string path, string missing, string? traceId, object? target) =>
            new(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"{method} {path} answered {missing} (Trace-Id {traceId}).", target);
    }
}
