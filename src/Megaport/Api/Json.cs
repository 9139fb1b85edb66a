using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>
    /// Lenient, case-insensitive reads of API JSON. The API mixes key casing (vxcpermitted / vxcPermitted),
    /// sends numbers as strings now and then, and uses null, "" or [] for "nothing".
    /// </summary>
    internal static class Json
    {
        public static JsonTextReader Reader(TextReader text) =>
            new(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, CloseInput = false };

        public static JToken Parse(string text)
        {
            using var reader = Reader(new StringReader(text));
            var token = JToken.ReadFrom(reader);
            while (reader.Read()) { if (reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Additional text after the JSON value."); }
            return token;
        }

        public static string Serialize(JToken token) => token.ToString(Formatting.None);

        public static JToken? Get(this JObject? o, string name)
        {
            if (o == null) return null;
            var t = o.GetValue(name, StringComparison.OrdinalIgnoreCase);
            return t == null || t.Type == JTokenType.Null || t.Type == JTokenType.Undefined ? null : t;
        }

        public static JObject? Obj(this JObject? o, string name) => o.Get(name) as JObject;

        /// <summary>An array, or a single object wrapped as one (csp_connection comes both ways).</summary>
        public static IEnumerable<JObject> Objects(this JObject? o, string name)
        {
            switch (o.Get(name))
            {
                case JArray a:
                    foreach (var item in a) if (item is JObject jo) yield return jo;
                    break;
                case JObject single:
                    yield return single;
                    break;
            }
        }

        public static string? Str(this JObject? o, string name)
        {
            var t = o.Get(name);
            if (t == null) return null;
            var s = t.Type == JTokenType.String ? (string?)t : t.Type is JTokenType.Object or JTokenType.Array ? null : Convert.ToString(((JValue)t).Value, CultureInfo.InvariantCulture);
            return string.IsNullOrEmpty(s) ? null : s;
        }

        public static long? Long(this JObject? o, string name)
        {
            var t = o.Get(name);
            if (t == null) return null;
            switch (t.Type)
            {
                case JTokenType.Integer: return (long)t;
                case JTokenType.Float: return (long)(decimal)t;
                case JTokenType.Boolean: return (bool)t ? 1 : 0;
                case JTokenType.String:
                    return long.TryParse((string?)t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
                default: return null;
            }
        }

        public static int? Int(this JObject? o, string name)
        {
            var v = o.Long(name);
            return v is long l && l >= int.MinValue && l <= int.MaxValue ? (int)l : null;
        }

        public static decimal? Decimal(this JObject? o, string name)
        {
            var t = o.Get(name);
            if (t == null) return null;
            return t.Type switch
            {
                JTokenType.Integer or JTokenType.Float => (decimal)t,
                JTokenType.String => decimal.TryParse((string?)t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
                _ => null,
            };
        }

        public static double? Double(this JObject? o, string name) => o.Decimal(name) is decimal d ? (double)d : null;

        public static bool Bool(this JObject? o, string name)
        {
            var t = o.Get(name);
            if (t == null) return false;
            return t.Type switch
            {
                JTokenType.Boolean => (bool)t,
                JTokenType.Integer => (long)t != 0,
                JTokenType.String => string.Equals((string?)t, "true", StringComparison.OrdinalIgnoreCase) || (string?)t == "1",
                _ => false,
            };
        }

        /// <summary>
        /// A date as the API sends it: epoch milliseconds (a number or a numeric string), an ISO-8601 string (the newer
        /// products), or null/0/"" for none. Anything else is read as no date rather than failing the read.
        /// </summary>
        public static DateTime? Date(this JObject? o, string name)
        {
            var t = o.Get(name);
            if (t == null) return null;
            if (t.Type == JTokenType.String)
            {
                var text = ((string?)t)?.Trim();
                if (string.IsNullOrEmpty(text)) return null;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var msText)) return FromEpochMs(msText);
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso.UtcDateTime : null;
            }
            return t switch
            {
                JValue { Type: JTokenType.Integer or JTokenType.Float } => FromEpochMs(o.Long(name) ?? 0),
                // A reader that parses dates itself (not ours, but JSON handed in by a caller) gives date tokens.
                JValue { Value: DateTimeOffset offset } => offset.UtcDateTime,
                JValue { Value: DateTime date } => date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : date.ToUniversalTime(),
                _ => null,
            };
        }

        static DateTime? FromEpochMs(long ms)
        {
            if (ms <= 0) return null;
            try { return DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime; }
            catch (ArgumentOutOfRangeException) { return null; }
        }

        public static int[] Ints(this JObject? o, string name)
        {
            if (o.Get(name) is not JArray a) return Array.Empty<int>();
            var list = new List<int>(a.Count);
            foreach (var t in a)
                if (t.Type == JTokenType.Integer) list.Add((int)t);
                else if (t.Type == JTokenType.String && int.TryParse((string?)t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) list.Add(v);
            return list.ToArray();
        }
    }
}
