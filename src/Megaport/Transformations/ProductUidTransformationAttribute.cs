using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Megaport.Transformations
{
    /// <summary>
    /// Lets a UID parameter take any object that has a ProductUid (a service, a partner port, a deserialized
    /// object from a runbook, a hashtable) as well as the UID string itself.
    /// </summary>
    public sealed class ProductUidTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The parameter takes several UIDs (string[]); otherwise a list must hold exactly one.</summary>
        public bool AllowMany { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = Unwrap(inputData);
            if (value is string || value == null) return value;
            if (value is IEnumerable list && value is not IDictionary)
            {
                var uids = new List<object?>();
                foreach (var item in list) uids.Add(UidOf(item));
                if (AllowMany) return uids.ToArray();
                if (uids.Count == 1) return uids[0];
                throw new ArgumentTransformationMetadataException(
                    $"{uids.Count} objects were given where one product UID goes; pick one (for example with Select-Object -First 1, or -DiversityZone on Get-MegaportPartnerPort).");
            }
            return UidOf(inputData);
        }

        static object? Unwrap(object? o) => PropertyInput.Unwrap(o);

        static object? UidOf(object? item) => PropertyInput.ValueOf(item, "ProductUid");
    }
}
