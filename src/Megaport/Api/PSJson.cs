using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using Megaport.Errors;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>
    /// The one converter from what PowerShell users pass to JSON: hashtables, ordered dictionaries, PSCustomObjects
    /// (ConvertFrom-Json), Import-PowerShellDataFile data, arrays and scalars, nested to any depth, each unwrapped
    /// from its PSObject. Every parameter that becomes JSON goes through it. A secret is never serialized by accident.
    /// </summary>
    internal static class PSJson
    {
        const int MaxDepth = 32;

        /// <summary>The JSON for <paramref name="value"/>; <paramref name="what"/> names it in errors ("-VendorConfig").</summary>
        public static JToken ToToken(object? value, string what) => Convert(value, what, 0);

        /// <summary>An object with properties (a hashtable or PSCustomObject), or a clear MegaportInvalidArgument.</summary>
        public static JObject ToObject(object? value, string what) =>
            Convert(value, what, 0) as JObject ?? throw MegaportException.InvalidArgument($"{what} must be a hashtable or an object with properties.", value);

        /// <summary>Text for a value that must be a scalar (a tag value, a key).</summary>
        public static string? ToText(object? value, string what)
        {
            var token = Convert(value, what, 0);
            return token switch
            {
                JValue { Value: null } => null,
                JValue v => v.Value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : System.Convert.ToString(v.Value, CultureInfo.InvariantCulture),
                _ => throw MegaportException.InvalidArgument($"{what} must be text or a number, not {(token is JArray ? "a list" : "an object")}.", value),
            };
        }

        public static object? Unwrap(object? value) => value is PSObject p ? p.BaseObject : value;

        static JToken Convert(object? value, string path, int depth)
        {
            if (depth > MaxDepth)
                throw MegaportException.InvalidArgument($"{path} is nested more than {MaxDepth} levels deep (does it refer to itself?).", null);
            var raw = Unwrap(value);
            switch (raw)
            {
                case null:
                    return JValue.CreateNull();
                case SecureString:
                case PSCredential:
                    throw MegaportException.InvalidArgument(
                        $"{path} holds a secret ({raw.GetType().Name}); secrets are never sent from a settings table. Use the parameter made for that secret.", null);
                case string or char or bool or Guid or Uri:
                    return new JValue(raw is char or Guid or Uri ? raw.ToString() : raw);
                case Enum e:
                    return new JValue(e.ToString());
                case DateTime or DateTimeOffset or TimeSpan:
                    return new JValue(raw);
                case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                    return new JValue(raw);
                case System.Numerics.BigInteger big:
                    return new JValue(big);
                case JToken token:
                    return token.DeepClone();
                case IDictionary dictionary:
                    var fromDictionary = new JObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var key = KeyOf(entry.Key, path);
                        fromDictionary[key] = Convert(entry.Value, path + "." + key, depth + 1);
                    }
                    return fromDictionary;
                case IEnumerable items:
                    var array = new JArray();
                    var i = 0;
                    foreach (var item in items) array.Add(Convert(item, $"{path}[{i++}]", depth + 1));
                    return array;
                case PSCustomObject:
                    // [pscustomobject]@{}, ConvertFrom-Json, a deserialized object from a runbook job: its properties.
                    return FromProperties(value!, path, depth);
                default:
                    // The module's own objects (config builders' output) carry their settings as properties.
                    if (raw.GetType().Namespace?.StartsWith("Megaport", StringComparison.Ordinal) == true) return FromProperties(raw, path, depth);
                    throw MegaportException.InvalidArgument(
                        $"{path} is a {raw.GetType().FullName}; give a hashtable, a PSCustomObject, a list, text or a number.", null);
            }
        }

        static JObject FromProperties(object value, string path, int depth)
        {
            var o = new JObject();
            foreach (var property in PSObject.AsPSObject(value).Properties)
            {
                if (!property.IsGettable) continue;
                o[property.Name] = Convert(property.Value, path + "." + property.Name, depth + 1);
            }
            return o;
        }

        static string KeyOf(object? key, string path)
        {
            var text = System.Convert.ToString(Unwrap(key), CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(text)) throw MegaportException.InvalidArgument($"{path} has an empty key.", null);
            return text!;
        }
    }
}
