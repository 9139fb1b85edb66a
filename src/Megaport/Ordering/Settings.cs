using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using Megaport.Api;
using Megaport.Errors;

namespace Megaport.Ordering
{
    /// <summary>The keys of one hashtable or object, read case-insensitively; a key the reader does not take is refused (a typo).</summary>
    internal sealed class Settings
    {
        /// <summary>Reads a hashtable or object with <paramref name="make"/>; a key not in <paramref name="keys"/> is refused as a typo first.</summary>
        public static T Read<T>(object value, string what, IReadOnlyCollection<string> keys, Func<Settings, T> make)
        {
            var raw = PSJson.Unwrap(value);
            if (raw is not IDictionary && raw is not System.Management.Automation.PSCustomObject && raw?.GetType().Namespace?.StartsWith("Megaport", StringComparison.Ordinal) != true)
                throw MegaportException.InvalidArgument($"A {what} is given as a hashtable or an object with its keys, not a {raw?.GetType().Name ?? "null"}.", value);
            var settings = new Settings(value, what);
            var unknown = settings._values.Keys.Where(k => !keys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
                throw Bad($"{what} has no setting {string.Join(", ", unknown.Select(k => $"'{k}'"))}; it takes {string.Join(", ", keys)}.");
            return make(settings);
        }

        readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);
        readonly string _what;

        public Settings(object value, string what)
        {
            _what = what;
            var raw = PSJson.Unwrap(value);
            if (raw is IDictionary d)
                foreach (DictionaryEntry e in d) _values[Convert.ToString(PSJson.Unwrap(e.Key), CultureInfo.InvariantCulture) ?? ""] = e.Value;
            else
                foreach (var p in System.Management.Automation.PSObject.AsPSObject(value).Properties) _values[p.Name] = p.Value;
        }

        public bool Has(string key) => _values.ContainsKey(key);

        /// <summary>The value as given (a PSCustomObject stays wrapped, so its properties can be read).</summary>
        object? GetWrapped(string key)
        {
            return _values.TryGetValue(key, out var v) ? v : null;
        }

        object? Get(string key) => PSJson.Unwrap(GetWrapped(key));

        public string? Text(string key) => Get(key) is object v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

        public long? Long(string key)
        {
            var v = Get(key);
            if (v == null) return null;
            try { return Convert.ToInt64(v, CultureInfo.InvariantCulture); }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException) { throw Bad($"{_what} {key} '{v}' is not a whole number.", v); }
        }

        public int? Int(string key)
        {
            var v = Long(key);
            if (v is long l && (l < int.MinValue || l > int.MaxValue)) throw Bad($"{_what} {key} {l} is out of range.", l);
            return (int?)v;
        }

        public bool Bool(string key) => Get(key) is object v && System.Management.Automation.LanguagePrimitives.IsTrue(v);

        public SecureString? Secret(string key) => Get(key) switch
        {
            null => null,
            SecureString s => s,
            _ => throw Bad($"{_what} {key} must be a SecureString (ConvertTo-SecureString, Read-Host -AsSecureString); plain text is refused."),
        };

        public IReadOnlyList<string>? Texts(string key) => Get(key) switch
        {
            null => null,
            string s => new[] { s },
            IEnumerable e => e.Cast<object?>().Select(x => Convert.ToString(PSJson.Unwrap(x), CultureInfo.InvariantCulture) ?? "").ToList(),
            var v => new[] { Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" },
        };

        public IReadOnlyList<T>? List<T>(string key, Func<object, T> make)
        {
            var wrapped = GetWrapped(key);
            return PSJson.Unwrap(wrapped) switch
            {
                null => null,
                IEnumerable e when e is not string and not IDictionary => e.Cast<object?>().Where(x => x != null).Select(x => make(x!)).ToList(),
                _ => new[] { make(wrapped!) },
            };
        }

        static MegaportException Bad(string message, object? target = null) => MegaportException.InvalidArgument(message, target);
    }
}
