using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>
    /// API JSON as PowerShell objects, the way Invoke-RestMethod hands it over: objects as PSCustomObjects (properties
    /// in the API's order and spelling), arrays as object[], numbers as long (or decimal), text as strings (dates stay
    /// text, as the API sent them).
    /// </summary>
    internal static class PSObjects
    {
        public static object? From(JToken? token)
        {
            switch (token)
            {
                case null:
                    return null;
                case JObject o:
                    var ps = new PSObject();
                    foreach (var p in o.Properties()) ps.Properties.Add(new PSNoteProperty(p.Name, From(p.Value)));
                    return ps;
                case JArray a:
                    return a.Select(From).ToArray();
                case JValue v:
                    return v.Type switch
                    {
                        JTokenType.Null or JTokenType.Undefined => null,
                        JTokenType.Integer => v.Value is System.Numerics.BigInteger big ? (object)big : System.Convert.ToInt64(v.Value, CultureInfo.InvariantCulture),
                        JTokenType.Float or JTokenType.Boolean => v.Value,
                        _ => v.Value is string s ? s : System.Convert.ToString(v.Value, CultureInfo.InvariantCulture),
                    };
                default:
                    return token.ToString();
            }
        }
    }
}
