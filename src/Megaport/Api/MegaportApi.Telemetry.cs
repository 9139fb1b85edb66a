using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;
using Newtonsoft.Json;
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
            try
            {
                return await Client.GetJsonAsync(path + "?" + query, "telemetry object", reader => ReadTelemetry(reader, service), ctx).ConfigureAwait(false);
            }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                ex.Target = service.ProductUid;
                throw;
            }
        }

        internal static IReadOnlyList<TelemetrySeries> ReadTelemetry(JObject body, Service service) => ReadTelemetry(body.CreateReader(), service)!;

        /// <summary>
        /// The answer read token by token: each series' small members into an object, its samples straight into
        /// (time, value) pairs (no tree of ~17,000 little arrays for a month). Null when the body is not an object.
        /// </summary>
        internal static IReadOnlyList<TelemetrySeries>? ReadTelemetry(JsonReader reader, Service service)
        {
            reader.FloatParseHandling = FloatParseHandling.Double;
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject) return null;
            var body = new JObject();
            var data = new List<(JObject Series, List<(double Ms, double? Value)> Samples)>();
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                if (!reader.Read()) break;
                if (string.Equals(name, "data", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonToken.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                    {
                        if (reader.TokenType != JsonToken.StartObject) { reader.Skip(); continue; }
                        var series = new JObject();
                        var samples = new List<(double, double?)>();
                        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                        {
                            var member = (string)reader.Value!;
                            if (!reader.Read()) break;
                            if (string.Equals(member, "samples", StringComparison.OrdinalIgnoreCase)) ReadSamples(reader, samples);
                            else series[member] = JToken.ReadFrom(reader);
                        }
                        data.Add((series, samples));
                    }
                }
                else body[name] = JToken.ReadFrom(reader);
            }
            var frame = body.Obj("timeFrame");
            DateTime from = frame.Date("from") ?? DateTime.MinValue, to = frame.Date("to") ?? DateTime.MinValue;
            var result = new List<TelemetrySeries>();
            var byName = new Dictionary<string, TelemetrySeries>(StringComparer.OrdinalIgnoreCase);
            foreach (var (d, pairs) in data)
            {
                var type = (d.Str("type") ?? body.Str("type") ?? "").ToUpperInvariant();
                var subtype = (d.Str("subtype") ?? "").ToUpperInvariant();
                var samples = Samples(pairs, service.ProductUid, type, subtype);
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
                result.Add(s);
            }
            foreach (var s in result) Summarise(s);
            return result;
        }

        /// <summary>[[epoch ms, value or null], ...] as pairs; an item that is no array of two or more is left out.</summary>
        static void ReadSamples(JsonReader reader, List<(double Ms, double? Value)> into)
        {
            if (reader.TokenType != JsonToken.StartArray) { reader.Skip(); return; }
            while (reader.Read() && reader.TokenType != JsonToken.EndArray)
            {
                if (reader.TokenType != JsonToken.StartArray) { reader.Skip(); continue; }
                double? first = null, second = null;
                var n = 0;
                while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                {
                    var value = Number(reader);
                    if (n == 0) first = value;
                    else if (n == 1) second = value;
                    n++;
                }
                if (n >= 2 && first is double ms) into.Add((ms, second));
            }
        }

        /// <summary>The current token as a number (a number sent as text too); null (a gap) for anything else.</summary>
        static double? Number(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonToken.Integer:
                case JsonToken.Float:
                    return reader.Value switch
                    {
                        long l => l,
                        double d => d,
                        decimal m => (double)m,
                        System.Numerics.BigInteger b => (double)b,
                        _ => null,
                    };
                case JsonToken.String:
                    return double.TryParse((string?)reader.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
                case JsonToken.StartArray:
                case JsonToken.StartObject:
                    reader.Skip();
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>The samples of one series; a pair whose time is no epoch millisecond is left out.</summary>
        static TelemetrySample[] Samples(List<(double Ms, double? Value)> pairs, string uid, string type, string subtype)
        {
            var list = new List<TelemetrySample>(pairs.Count);
            foreach (var (ms, value) in pairs)
            {
                if (ms <= 0) continue;
                DateTime at;
                try { at = DateTimeOffset.FromUnixTimeMilliseconds((long)ms).UtcDateTime; }
                catch (ArgumentOutOfRangeException) { continue; }
                list.Add(new TelemetrySample { ProductUid = uid, Type = type, Subtype = subtype, Timestamp = at, Value = value });
            }
            return list.ToArray();
        }

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
