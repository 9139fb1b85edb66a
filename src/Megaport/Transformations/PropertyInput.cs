using System.Collections;
using System.Management.Automation;

namespace Megaport.Transformations
{
    /// <summary>What identity transformations share: taking one named property from whatever object was given.</summary>
    internal static class PropertyInput
    {
        public static object? Unwrap(object? o) => o is PSObject pso ? pso.BaseObject : o;

        /// <summary>
        /// A string as it is; otherwise the value of <paramref name="property"/> (a typed object, a deserialized one
        /// from a runbook, a hashtable); anything without it is returned unchanged for the parameter's own binding to refuse.
        /// </summary>
        public static object? ValueOf(object? item, string property)
        {
            var value = Unwrap(item);
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case IDictionary d: return d.Contains(property) ? Unwrap(d[property]) : value;
            }
            var found = PSObject.AsPSObject(item!).Properties[property];
            return found != null ? Unwrap(found.Value) : value;
        }
    }
}
