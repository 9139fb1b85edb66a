using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>The period telemetry is read for: the last N days, or from one instant to another.</summary>
    internal readonly struct TelemetryRange
    {
        public const int MaxDays = 180;

        TelemetryRange(int? days, DateTime? from, DateTime? to) { Days = days; From = from; To = to; }

        public int? Days { get; }
        public DateTime? From { get; }
        public DateTime? To { get; }

        /// <summary>1 to 180 days, else MegaportInvalidArgument (the API's limit, checked before any request).</summary>
        public static TelemetryRange LastDays(int days)
        {
            if (days < 1 || days > MaxDays)
                throw MegaportException.InvalidArgument($"-Days {days} is outside 1-{MaxDays}: the API keeps telemetry for {MaxDays} days.", days);
            return new TelemetryRange(days, null, null);
        }

        /// <summary>UTC instants; From before To, at most 180 days apart.</summary>
        public static TelemetryRange Between(DateTime from, DateTime to)
        {
            if (from >= to)
                throw MegaportException.InvalidArgument(
                    $"-From {from.ToString("u", CultureInfo.InvariantCulture)} must be before -To {to.ToString("u", CultureInfo.InvariantCulture)}.", from);
            if (to - from > TimeSpan.FromDays(MaxDays))
                throw MegaportException.InvalidArgument(
                    $"-From and -To are {(to - from).TotalDays:0.#} days apart; the API gives at most {MaxDays} days at a time.", from);
            return new TelemetryRange(null, from, to);
        }

        internal string Query => Days is int d
            ? "days=" + d.ToString(CultureInfo.InvariantCulture)
            : "from=" + Epoch(From!.Value) + "&to=" + Epoch(To!.Value);

        static string Epoch(DateTime utc) =>
            new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Service telemetry: GET {product path}/{uid}/telemetry, the one answer the API sends without an envelope.</summary>
    internal sealed partial class MegaportApi
    {
        /// <summary>
        /// The series of <paramref name="types"/> for one service. Type and subtype names arrive in mixed case (IN, in,
        /// In): they are compared without case and emitted in upper case; a type sent twice in two casings is one series.
        /// </summary>
        public async Task<IReadOnlyList<TelemetrySeries>> GetTelemetryAsync(Service service, IReadOnlyList<string> types, TelemetryRange range, CallContext ctx)
        {
            var telemetry = Products.Products.Of(service).Telemetry
                ?? throw new MegaportException(ErrorIds.NotSupported, ErrorCategory.NotImplemented,
                    $"'{service.Name}' ({service.ProductUid}) is a {service.ProductType} service: the API keeps no telemetry for it.", service.ProductUid);
            var path = telemetry.Path(service.ProductUid);
            var query = string.Join("&", types.Select(t => "type=" + Escape(t))) + "&" + range.Query;
            ApiResult result;
            try
            {
                result = await Client.SendAsync("GET", path + "?" + query, null, RetryKind.Read, ctx).ConfigureAwait(false);
            }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                ex.Target = service.ProductUid;
                throw;
            }
            var body = result.Body as JObject
                ?? throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                    $"GET {path} -> {result.Status} sent no telemetry object (Trace-Id {result.TraceId}).", service.ProductUid)
                { Method = "GET", Path = path, TraceId = result.TraceId };
            return ReadTelemetry(body, service);
        }

        internal static IReadOnlyList<TelemetrySeries> ReadTelemetry(JObject body, Service service)
        {
            var frame = body.Obj("timeFrame");
            DateTime from = frame.Date("from") ?? DateTime.MinValue, to = frame.Date("to") ?? DateTime.MinValue;
            var series = new List<TelemetrySeries>();
            var byName = new Dictionary<string, TelemetrySeries>(StringComparer.OrdinalIgnoreCase);
            foreach (var d in body.Objects("data"))
            {
                var type = (d.Str("type") ?? body.Str("type") ?? "").ToUpperInvariant();
                var subtype = (d.Str("subtype") ?? "").ToUpperInvariant();
                var samples = Samples(d.Get("samples") as JArray, service.ProductUid, type, subtype);
                if (byName.TryGetValue(type + "/" + subtype, out var known))
                {
                    known.Samples = known.Samples.Concat(samples).OrderBy(s => s.Timestamp).ToArray();
                    continue;
                }
                var unit = d.Obj("unit");
                var s = new TelemetrySeries
                {
                    ProductUid = service.ProductUid,
                    ServiceName = service.Name,
                    ProductType = service.ProductType,
                    Type = type,
                    Subtype = subtype,
                    Unit = unit.Str("name") ?? d.Str("unit") ?? "",
                    UnitName = unit.Str("fullName"),
                    From = from,
                    To = to,
                    Samples = samples,
                };
                byName[type + "/" + subtype] = s;
                series.Add(s);
            }
            foreach (var s in series) Summarise(s);
            return series;
        }

        /// <summary>[[epoch ms, value or null], ...]; a sample that is no pair of numbers is left out.</summary>
        static TelemetrySample[] Samples(JArray? samples, string uid, string type, string subtype)
        {
            if (samples == null) return Array.Empty<TelemetrySample>();
            var list = new List<TelemetrySample>(samples.Count);
            foreach (var item in samples)
            {
                if (item is not JArray { Count: >= 2 } pair) continue;
                if (Number(pair[0]) is not double ms || ms <= 0) continue;
                DateTime at;
                try { at = DateTimeOffset.FromUnixTimeMilliseconds((long)ms).UtcDateTime; }
                catch (ArgumentOutOfRangeException) { continue; }
                list.Add(new TelemetrySample { ProductUid = uid, Type = type, Subtype = subtype, Timestamp = at, Value = Number(pair[1]) });
            }
            return list.ToArray();
        }

        /// <summary>A number, or a number sent as text; null (a gap) for anything else.</summary>
        static double? Number(JToken t) => t.Type switch
        {
            JTokenType.Integer or JTokenType.Float => (double)t,
            JTokenType.String => double.TryParse((string?)t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ => null,
        };

        static void Summarise(TelemetrySeries s)
        {
            var values = s.Samples.Where(x => x.Value != null).Select(x => x.Value!.Value).OrderBy(v => v).ToArray();
            s.Gaps = s.Samples.Length - values.Length;
            if (values.Length == 0) return;
            s.Minimum = values[0];
            s.Maximum = values[values.Length - 1];
            s.Average = values.Average();
            s.Percentile95 = values[Math.Max(0, (int)Math.Ceiling(0.95 * values.Length) - 1)];
        }
    }
}
