using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace Megaport.Transformations
{
    /// <summary>
    /// Lets a dictionary parameter take a PSCustomObject too (ConvertFrom-Json output, a deserialized object): its
    /// properties become the dictionary's entries, in order. Nested values are left as they are; the JSON
    /// converter reads them to any depth. A list binds to a dictionary-array parameter item by item.
    /// </summary>
    public sealed class DictionaryTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject p ? p.BaseObject : inputData;
            switch (value)
            {
                case null:
                case IDictionary:
                case string:
                    return inputData;
                case PSCustomObject:
                    return FromProperties((PSObject)inputData!);
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (var item in items) list.Add(Transform(engineIntrinsics, item));
                    return list.ToArray();
                default:
                    return inputData;
            }
        }

        static IDictionary FromProperties(PSObject o)
        {
            var d = new OrderedDictionary();
            foreach (var property in o.Properties)
                if (property.IsGettable) d[property.Name] = property.Value;
            return d;
        }
    }
}
