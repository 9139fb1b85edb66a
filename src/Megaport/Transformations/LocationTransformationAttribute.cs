using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace Megaport.Transformations
{
    /// <summary>
    /// Lets a -Location parameter (a string, or string[] with AllowMany) take a location name, an id (a number or a
    /// numeric string), a Megaport.Location (also deserialized, from a runbook job) or any object that sits at a
    /// location (a service or a partner port: its LocationId). Objects become their id as text; names pass through.
    /// The names are resolved later, against the session's cached locations (LocationRules.Match), because binding
    /// happens before the cmdlet knows its session.
    /// </summary>
    public sealed class LocationTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The parameter takes several locations (string[]); otherwise a list must hold exactly one.</summary>
        public bool AllowMany { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = Unwrap(inputData);
            if (value is string || value == null) return value;
            if (value is IEnumerable list && value is not IDictionary)
            {
                var items = new List<object?>();
                foreach (var item in list) items.Add(TextOf(item));
                if (AllowMany) return items.ToArray();
                if (items.Count == 1) return items[0];
                throw new ArgumentTransformationMetadataException(
                    $"{items.Count} locations were given where one goes; pick one (for example with Select-Object -First 1).");
            }
            return TextOf(inputData);
        }

        static object? Unwrap(object? o) => o is PSObject pso ? pso.BaseObject : o;

        static object? TextOf(object? item)
        {
            var value = Unwrap(item);
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case int or long or short or byte or uint or ulong or ushort or sbyte:
                    return System.Convert.ToString(value, CultureInfo.InvariantCulture);
                case Location l: return l.Id.ToString(CultureInfo.InvariantCulture);
                case IDictionary d:
                    foreach (var key in new[] { "LocationId", "Id" })
                        if (d.Contains(key)) return IdText(Unwrap(d[key]), "a hashtable");
                    throw NoLocation("a hashtable");
            }
            // A Megaport.Location read back from a job or a CLIXML file keeps its type name and its Id; anything
            // else that sits somewhere (a port, an MCR, a partner port) has a LocationId. A plain object
            // ([pscustomobject] @{ Id = 3 }, Import-Csv rows) may carry either; the Id of a typed object that is
            // not a location (an IX type, an MVE image) is no location id.
            var pso = PSObject.AsPSObject(item!);
            var isLocation = pso.TypeNames.Any(t => t == "Megaport.Location" || t == "Deserialized.Megaport.Location");
            var property = isLocation ? pso.Properties["Id"]
                : pso.Properties["LocationId"] ?? (value is PSCustomObject ? pso.Properties["Id"] : null);
            var what = value is PSCustomObject ? "an object" : $"a {pso.TypeNames.FirstOrDefault() ?? value.GetType().FullName}";
            if (property == null) throw NoLocation(what);
            return IdText(Unwrap(property.Value), what);
        }

        static string IdText(object? id, string what) => id switch
        {
            int or long or short or byte or uint or ulong or ushort or sbyte => System.Convert.ToString(id, CultureInfo.InvariantCulture)!,
            string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _) => s,
            _ => throw NoLocation(what),
        };

        static ArgumentTransformationMetadataException NoLocation(string what) =>
            new($"-Location takes a location name, a location id or a Megaport.Location; {what} without a location id is none of them.");
    }
}
